import { expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextAttempt } from './mail-retry.ts';

it('waits longer after each failure, then gives up', () => {
	const now = new Date('2026-11-23T00:00:00Z');
	const minutes = Array.from(
		{ length: MAX_ATTEMPTS - 1 },
		(_, i) => (nextAttempt(i + 1, now)!.getTime() - now.getTime()) / 60_000
	);
	expect(minutes).toEqual([1, 5, 15, 60, 180, 720]);
	expect(nextAttempt(MAX_ATTEMPTS, now)).toBeNull();
});
