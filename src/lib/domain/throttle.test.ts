import { describe, expect, it } from 'vitest';
import { judgeThrottle, retryMinutes } from './throttle.ts';

const MIN = 60_000;
const now = new Date('2025-06-02T03:00:00Z');
const ago = (...minutes: number[]) => minutes.map((m) => new Date(now.getTime() - m * MIN));
const rule = { limit: 5, windowMs: 15 * MIN };

describe('judgeThrottle', () => {
	it('allows fewer failures than the limit', () =>
		expect(judgeThrottle(ago(1, 2, 3, 4), now, rule)).toEqual({ blocked: false }));

	it('blocks at the limit until the oldest counted failure leaves the window', () =>
		expect(judgeThrottle(ago(1, 2, 3, 4, 10), now, rule)).toEqual({
			blocked: true,
			retryAfterMs: 5 * MIN
		}));

	it('ignores failures older than the window', () =>
		expect(judgeThrottle(ago(1, 2, 3, 4, 15, 40), now, rule)).toEqual({ blocked: false }));

	it('with many failures, waits until fewer than the limit remain', () =>
		expect(judgeThrottle(ago(1, 2, 3, 4, 5, 6, 7), now, rule)).toEqual({
			blocked: true,
			retryAfterMs: 10 * MIN
		}));

	it('rounds the wait up to whole minutes for the message', () => {
		expect(retryMinutes(1)).toBe(1);
		expect(retryMinutes(5 * MIN + 1)).toBe(6);
	});
});
