import { describe, expect, it } from 'vitest';
import { testDb } from '../testing/db.ts';
import { signInFailure } from '../db/schema.ts';
import { ACCOUNT_RULE } from '../../domain/throttle.ts';
import { accountKey, addressKey, checkThrottle, pruneFailures, recordFailure } from './throttle-store.ts';

describe('stored sign-in failures', () => {
	it('are pruned once too old for any rule, and what still counts is kept', async () => {
		const db = await testDb();
		const keys = { account: accountKey('org1', '000101'), address: addressKey('192.0.2.1') };
		const now = new Date('2026-12-08T09:00:00Z');
		const old = new Date(now.getTime() - ACCOUNT_RULE.windowMs - 60_000);
		const recent = new Date(now.getTime() - 60_000);
		for (let i = 0; i < 5; i++) await recordFailure(db, keys, old);
		for (let i = 0; i < 5; i++) await recordFailure(db, keys, recent);
		expect(await db.select().from(signInFailure)).toHaveLength(20);

		await pruneFailures(db, now);
		const left = await db.select().from(signInFailure);
		expect(left).toHaveLength(10);
		expect(left.every((r) => r.at.getTime() === recent.getTime())).toBe(true);
		// the five recent failures still lock the account
		expect((await checkThrottle(db, keys, now)).blocked).toBe(true);
	});
});
