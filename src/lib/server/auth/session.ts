import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { person, session, twoFactor } from '../db/schema.ts';
import { judgeSession, newSessionTimes, type SessionPolicy } from '../../domain/session-policy.ts';
import { generateSessionToken, sessionIdFromToken } from './token.ts';
import { perDb } from '../db/per-db.ts';
import type { Grant } from '../../domain/access.ts';

export type AuthUser = {
	id: string;
	orgId: string;
	employeeNo: string;
	name: string;
	kana: string;
	mustChangePassword: boolean;
	/** An authenticator app is registered (the session must then be verified with it). */
	twoFactorEnrolled: boolean;
	grants: Grant[];
	/** The UI language the person chose ('ja' | 'en'), or null to follow this browser's choice. */
	locale: string | null;
};

export type SessionValidationResult =
	| { session: { id: string; expiresAt: Date; twoFactorVerified: boolean }; user: AuthUser }
	| { session: null; user: null };

export async function createSession(
	db: Db,
	personId: string,
	policy: SessionPolicy,
	opts: { twoFactorVerified?: boolean; now?: Date } = {}
) {
	const token = generateSessionToken();
	const times = newSessionTimes(opts.now ?? new Date(), policy);
	const twoFactorVerified = opts.twoFactorVerified ?? false;
	await db.insert(session).values({ id: sessionIdFromToken(token), personId, twoFactorVerified, ...times });
	return { token, expiresAt: times.expiresAt };
}

/** A person's roles as one JSON array of [role, unitId, unitPath], read in the session's own query. */
const grantsOf = sql<string>`(SELECT json_group_array(json_array(g.role, g.unit_id, u.path))
	FROM role_grant g LEFT JOIN org_unit u ON u.id = g.unit_id WHERE g.person_id = ${session.personId})`;

/** The session, its person (never the password hash) and their roles: one statement, prepared once. */
const sessionQuery = perDb((db) =>
	db
		.select({
			s: {
				createdAt: session.createdAt,
				expiresAt: session.expiresAt,
				lastSeenAt: session.lastSeenAt,
				twoFactorVerified: session.twoFactorVerified
			},
			p: {
				id: person.id,
				orgId: person.orgId,
				employeeNo: person.employeeNo,
				name: person.name,
				kana: person.kana,
				active: person.active,
				mustChangePassword: person.mustChangePassword,
				locale: person.locale
			},
			enrolled: twoFactor.personId,
			grants: grantsOf
		})
		.from(session)
		.innerJoin(person, eq(person.id, session.personId))
		.leftJoin(twoFactor, eq(twoFactor.personId, session.personId))
		.where(eq(session.id, sql.placeholder('id')))
		.prepare()
);

export async function validateSessionToken(
	db: Db,
	token: string,
	policy: SessionPolicy,
	now = new Date()
): Promise<SessionValidationResult> {
	const id = sessionIdFromToken(token);
	const row = await sessionQuery(db).get({ id });
	if (!row) return { session: null, user: null };
	const verdict = judgeSession(row.s, now, policy);
	if (verdict === 'expired' || verdict === 'idle' || !row.p.active) {
		await db.delete(session).where(eq(session.id, id));
		return { session: null, user: null };
	}
	if (verdict === 'touch') await db.update(session).set({ lastSeenAt: now }).where(eq(session.id, id));
	const p = row.p;
	const grants = (JSON.parse(row.grants) as [Grant['role'], string | null, string | null][]).map(
		([role, unitId, unitPath]) => ({ role, unitId, unitPath })
	);
	return {
		session: { id, expiresAt: row.s.expiresAt, twoFactorVerified: row.s.twoFactorVerified },
		user: {
			id: p.id,
			orgId: p.orgId,
			employeeNo: p.employeeNo,
			name: p.name,
			kana: p.kana,
			mustChangePassword: p.mustChangePassword,
			twoFactorEnrolled: row.enrolled !== null,
			grants,
			locale: p.locale
		}
	};
}

export async function invalidateSession(db: Db, sessionId: string) {
	await db.delete(session).where(eq(session.id, sessionId));
}

/** Ends every session of a person, except optionally the one in use. */
export async function invalidateAllSessions(db: Db, personId: string, exceptId?: string) {
	await db
		.delete(session)
		.where(exceptId ? and(eq(session.personId, personId), ne(session.id, exceptId)) : eq(session.personId, personId));
}
