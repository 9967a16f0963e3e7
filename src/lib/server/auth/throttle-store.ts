import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { signInFailure } from '../db/schema.ts';
import { ACCOUNT_RULE, ADDRESS_RULE, judgeThrottle, type ThrottleVerdict } from '../../domain/throttle.ts';

export const accountKey = (orgId: string, employeeNo: string) => `acct:${orgId}:${employeeNo}`;
export const addressKey = (ip: string) => `ip:${ip}`;

async function failuresSince(db: Db, key: string, since: Date) {
	const rows = await db
		.select({ at: signInFailure.at })
		.from(signInFailure)
		.where(and(eq(signInFailure.key, key), gt(signInFailure.at, since)));
	return rows.map((r) => r.at);
}

/** The stricter of the account and address verdicts. */
export async function checkThrottle(
	db: Db,
	keys: { account: string; address: string },
	now = new Date()
): Promise<ThrottleVerdict> {
	const since = (ms: number) => new Date(now.getTime() - ms);
	const [acct, addr] = await Promise.all([
		failuresSince(db, keys.account, since(ACCOUNT_RULE.windowMs)),
		failuresSince(db, keys.address, since(ADDRESS_RULE.windowMs))
	]);
	const verdicts = [judgeThrottle(acct, now, ACCOUNT_RULE), judgeThrottle(addr, now, ADDRESS_RULE)];
	const blocked = verdicts.filter((v) => v.blocked);
	if (blocked.length === 0) return { blocked: false };
	return { blocked: true, retryAfterMs: Math.max(...blocked.map((v) => (v.blocked ? v.retryAfterMs : 0))) };
}

export async function recordFailure(db: Db, keys: { account: string; address: string }, now = new Date()) {
	await db.insert(signInFailure).values([
		{ key: keys.account, at: now },
		{ key: keys.address, at: now }
	]);
}

export async function clearAccountFailures(db: Db, account: string) {
	await db.delete(signInFailure).where(eq(signInFailure.key, account));
}

/** Drops failures too old to count for any rule. */
export async function pruneFailures(db: Db, now = new Date()) {
	const oldest = Math.max(ACCOUNT_RULE.windowMs, ADDRESS_RULE.windowMs);
	await db.delete(signInFailure).where(lt(signInFailure.at, new Date(now.getTime() - oldest)));
}

/** Accounts currently blocked, for the admin's view of lockouts. */
export async function listLockedAccounts(db: Db, orgId: string, now = new Date()) {
	const prefix = `acct:${orgId}:`;
	const rows = await db
		.select({ key: signInFailure.key, at: signInFailure.at })
		.from(signInFailure)
		.where(gt(signInFailure.at, new Date(now.getTime() - ACCOUNT_RULE.windowMs)));
	const byKey = new Map<string, Date[]>();
	for (const r of rows) if (r.key.startsWith(prefix)) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r.at]);
	return [...byKey].flatMap(([key, times]) => {
		const v = judgeThrottle(times, now, ACCOUNT_RULE);
		return v.blocked
			? [{ employeeNo: key.slice(prefix.length), failures: times.length, retryAfterMs: v.retryAfterMs }]
			: [];
	});
}
