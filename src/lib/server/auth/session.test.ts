import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { testDb } from '../testing/db.ts';
import { person, roleGrant, session } from '../db/schema.ts';
import { DEFAULT_SESSION_POLICY } from '../../domain/session-policy.ts';
import { createSession, validateSessionToken } from './session.ts';
import { sessionIdFromToken } from './token.ts';

const T0 = new Date('2026-11-23T09:00:00+09:00');

describe('validateSessionToken', () => {
	it('returns the person with every role and its unit path, and never the password hash', async () => {
		const db = await testDb();
		await db
			.update(person)
			.set({ passwordHash: 'argon2-secret-hash', locale: 'en', mustChangePassword: false })
			.where(eq(person.id, 'p1'));
		await db.insert(roleGrant).values([
			{ id: 'g1', orgId: 'org1', personId: 'p1', role: 'manager', unitId: 'u1' },
			{ id: 'g2', orgId: 'org1', personId: 'p1', role: 'hr', unitId: null },
			{ id: 'g3', orgId: 'org1', personId: 'p2', role: 'admin', unitId: null }
		]);
		const { token } = await createSession(db, 'p1', DEFAULT_SESSION_POLICY, { now: T0 });
		const { session: s, user } = await validateSessionToken(db, token, DEFAULT_SESSION_POLICY, T0);
		expect(s?.id).toBe(sessionIdFromToken(token));
		expect(user).toMatchObject({
			id: 'p1',
			orgId: 'org1',
			employeeNo: '000101',
			name: '山田 太郎',
			kana: 'ヤマダ タロウ',
			locale: 'en',
			twoFactorEnrolled: false,
			mustChangePassword: false
		});
		expect(user!.grants.sort((a, b) => a.role.localeCompare(b.role))).toEqual([
			{ role: 'hr', unitId: null, unitPath: null },
			{ role: 'manager', unitId: 'u1', unitPath: '/u1/' }
		]);
		expect(JSON.stringify(user)).not.toContain('argon2-secret-hash');
	});

	it('gives a person without roles an empty list', async () => {
		const db = await testDb();
		const { token } = await createSession(db, 'p2', DEFAULT_SESSION_POLICY, { now: T0 });
		expect((await validateSessionToken(db, token, DEFAULT_SESSION_POLICY, T0)).user?.grants).toEqual([]);
	});

	it('ends the session of a person who left (inactive) and of an expired one', async () => {
		const db = await testDb();
		const left = await createSession(db, 'p1', DEFAULT_SESSION_POLICY, { now: T0 });
		await db.update(person).set({ active: false }).where(eq(person.id, 'p1'));
		expect((await validateSessionToken(db, left.token, DEFAULT_SESSION_POLICY, T0)).user).toBeNull();
		const old = await createSession(db, 'p2', DEFAULT_SESSION_POLICY, { now: T0 });
		const later = new Date(T0.getTime() + DEFAULT_SESSION_POLICY.absoluteMs + 1);
		expect((await validateSessionToken(db, old.token, DEFAULT_SESSION_POLICY, later)).session).toBeNull();
		expect(await db.select().from(session)).toEqual([]);
	});

	it('answers for the right database when two are open (the prepared statement is per handle)', async () => {
		const a = await testDb();
		const b = await testDb();
		const { token } = await createSession(a, 'p1', DEFAULT_SESSION_POLICY, { now: T0 });
		expect((await validateSessionToken(a, token, DEFAULT_SESSION_POLICY, T0)).user?.id).toBe('p1');
		expect((await validateSessionToken(b, token, DEFAULT_SESSION_POLICY, T0)).user).toBeNull();
	});
});
