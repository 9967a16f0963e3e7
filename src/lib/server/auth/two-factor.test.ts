import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { generateHOTP } from '@oslojs/otp';
import { testDb } from '../testing/db.ts';
import { auditEvent, session } from '../db/schema.ts';
import { DEFAULT_SESSION_POLICY } from '../../domain/session-policy.ts';
import { stepAt } from '../../domain/two-factor.ts';
import { createSession, validateSessionToken } from './session.ts';
import { sessionIdFromToken } from './token.ts';
import {
	enroll,
	isEnrolled,
	newTotpKey,
	removeTwoFactor,
	renewRecoveryCodes,
	unusedRecoveryCodes,
	verifySecondFactor
} from './two-factor.ts';

const who = { id: 'p1', orgId: 'org1', employeeNo: '000101' };
const T0 = 1_800_000_000_000;
const code = (key: Uint8Array, at: number) => generateHOTP(key, BigInt(stepAt(at)), 6);

async function enrolled() {
	const db = await testDb();
	const key = newTotpKey();
	const setup = await createSession(db, who.id, DEFAULT_SESSION_POLICY);
	const codes = await enroll(db, who, sessionIdFromToken(setup.token), key, code(key, T0), '127.0.0.1', T0);
	expect((await validateSessionToken(db, setup.token, DEFAULT_SESSION_POLICY)).session?.twoFactorVerified).toBe(true);
	const pending = await createSession(db, who.id, DEFAULT_SESSION_POLICY);
	return { db, key, codes: codes!, pending: sessionIdFromToken(pending.token) };
}

describe('enrolment', () => {
	it('refuses a code that does not come from the key, and stores nothing', async () => {
		const db = await testDb();
		const key = newTotpKey();
		expect(
			await enroll(db, who, 'no-session', key, '000000' === code(key, T0) ? '111111' : '000000', 'ip', T0)
		).toBeNull();
		expect(await isEnrolled(db, who.id)).toBe(false);
	});
	it('stores the key and ten recovery codes, shown once and kept only as hashes', async () => {
		const { db, codes } = await enrolled();
		expect(codes).toHaveLength(10);
		expect(new Set(codes).size).toBe(10);
		for (const c of codes) expect(c).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
		expect(await unusedRecoveryCodes(db, who.id)).toBe(10);
		const raw = JSON.stringify(await db.$client.execute('select * from recovery_code'));
		for (const c of codes) expect(raw).not.toContain(c.replaceAll('-', ''));
	});
});

describe('verifySecondFactor', () => {
	it('replaces the half-signed-in session with a verified one', async () => {
		const { db, key, pending } = await enrolled();
		const later = T0 + 60_000;
		const r = await verifySecondFactor(db, who, pending, code(key, later), 'ip', DEFAULT_SESSION_POLICY, later);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(await db.select().from(session).where(eq(session.id, pending))).toHaveLength(0);
		const v = await validateSessionToken(db, r.token, DEFAULT_SESSION_POLICY);
		expect(v.session?.twoFactorVerified).toBe(true);
		expect(v.user?.twoFactorEnrolled).toBe(true);
	});
	it('accepts each code once: the same code again is refused', async () => {
		const { db, key, pending } = await enrolled();
		const later = T0 + 60_000;
		expect((await verifySecondFactor(db, who, pending, code(key, later), 'ip', DEFAULT_SESSION_POLICY, later)).ok).toBe(
			true
		);
		const again = await createSession(db, who.id, DEFAULT_SESSION_POLICY);
		const r = await verifySecondFactor(
			db,
			who,
			sessionIdFromToken(again.token),
			code(key, later),
			'ip',
			DEFAULT_SESSION_POLICY,
			later
		);
		expect(r).toEqual({ ok: false, reason: 'invalid' });
	});
	it('refuses the enrolment code itself (already used)', async () => {
		const { db, key, pending } = await enrolled();
		expect((await verifySecondFactor(db, who, pending, code(key, T0), 'ip', DEFAULT_SESSION_POLICY, T0)).ok).toBe(
			false
		);
	});
	it('takes a recovery code once, typed in capitals and without hyphens', async () => {
		const { db, codes, pending } = await enrolled();
		const typed = codes[3].replaceAll('-', '').toUpperCase();
		expect((await verifySecondFactor(db, who, pending, typed, 'ip', DEFAULT_SESSION_POLICY, T0)).ok).toBe(true);
		expect(await unusedRecoveryCodes(db, who.id)).toBe(9);
		const again = await createSession(db, who.id, DEFAULT_SESSION_POLICY);
		expect(
			(await verifySecondFactor(db, who, sessionIdFromToken(again.token), typed, 'ip', DEFAULT_SESSION_POLICY, T0)).ok
		).toBe(false);
	});
	it('counts wrong codes towards the sign-in throttle and then blocks even the right one', async () => {
		const { db, key, pending } = await enrolled();
		let last: Awaited<ReturnType<typeof verifySecondFactor>> | undefined;
		for (let i = 0; i < 12; i++)
			last = await verifySecondFactor(db, who, pending, '000000', 'ip', DEFAULT_SESSION_POLICY, T0 + 60_000);
		expect(last).toMatchObject({ ok: false, reason: 'throttled' });
		const right = await verifySecondFactor(
			db,
			who,
			pending,
			code(key, T0 + 90_000),
			'ip',
			DEFAULT_SESSION_POLICY,
			T0 + 90_000
		);
		expect(right).toMatchObject({ ok: false, reason: 'throttled' });
		const actions = (await db.select({ a: auditEvent.action }).from(auditEvent)).map((r) => r.a);
		expect(actions.filter((a) => a === 'auth.two_factor_failed').length).toBeGreaterThan(0);
	});
});

describe('recovery codes and removal', () => {
	it('renewing needs a current code and makes the old codes useless', async () => {
		const { db, key, codes, pending } = await enrolled();
		expect(
			await renewRecoveryCodes(db, who, '000000' === code(key, T0 + 30_000) ? '111111' : '000000', 'ip', T0 + 30_000)
		).toBeNull();
		const fresh = await renewRecoveryCodes(db, who, code(key, T0 + 30_000), 'ip', T0 + 30_000);
		expect(fresh).toHaveLength(10);
		expect((await verifySecondFactor(db, who, pending, codes[0], 'ip', DEFAULT_SESSION_POLICY, T0)).ok).toBe(false);
	});
	it('an administrator’s reset removes the factor and ends every session of the person', async () => {
		const { db } = await enrolled();
		await removeTwoFactor(db, { id: 'p2', orgId: 'org1' }, who.id, 'ip');
		expect(await isEnrolled(db, who.id)).toBe(false);
		expect(await unusedRecoveryCodes(db, who.id)).toBe(0);
		expect(await db.select().from(session).where(eq(session.personId, who.id))).toHaveLength(0);
	});
});
