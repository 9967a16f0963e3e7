import { describe, expect, it } from 'vitest';
import { judgeSession, newSessionTimes, type SessionPolicy } from './session-policy.ts';

const MIN = 60_000;
const policy: SessionPolicy = { idleMs: 60 * MIN, absoluteMs: 12 * 60 * MIN, touchEveryMs: MIN };
const start = new Date('2025-06-02T00:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * MIN);

describe('judgeSession', () => {
	const fresh = newSessionTimes(start, policy);
	it.each([
		['just created', fresh, 0, 'valid'],
		['used 30 s ago', fresh, 0.5, 'valid'],
		['used 2 min ago: refresh lastSeenAt', fresh, 2, 'touch'],
		['idle for exactly the limit', fresh, 60, 'idle'],
		['idle for 59 min', fresh, 59, 'touch'],
		['active all day but past the absolute limit', { ...fresh, lastSeenAt: at(719) }, 720, 'expired'],
		['active, 1 min before the absolute limit', { ...fresh, lastSeenAt: at(718.5) }, 719, 'valid']
	])('%s → %s', (_label, s, minutes, verdict) => expect(judgeSession(s, at(minutes as number), policy)).toBe(verdict));

	it('sets the absolute expiry from the sign-in time', () => {
		expect(fresh.expiresAt.getTime() - start.getTime()).toBe(12 * 60 * MIN);
	});
});
