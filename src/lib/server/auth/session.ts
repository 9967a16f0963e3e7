import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { person, session, twoFactor } from '../db/schema';
import { judgeSession, newSessionTimes, type SessionPolicy } from '../../domain/session-policy';
import { generateSessionToken, sessionIdFromToken } from './token';
import { listGrants } from '../people';
import type { Grant } from '../../domain/access';

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

export async function validateSessionToken(
	db: Db,
	token: string,
	policy: SessionPolicy,
	now = new Date()
): Promise<SessionValidationResult> {
	const id = sessionIdFromToken(token);
	const [row] = await db
		.select({ s: session, p: person, enrolled: twoFactor.personId })
		.from(session)
		.innerJoin(person, eq(person.id, session.personId))
		.leftJoin(twoFactor, eq(twoFactor.personId, session.personId))
		.where(eq(session.id, id));
	if (!row) return { session: null, user: null };
	const verdict = judgeSession(row.s, now, policy);
	if (verdict === 'expired' || verdict === 'idle' || !row.p.active) {
		await db.delete(session).where(eq(session.id, id));
		return { session: null, user: null };
	}
	if (verdict === 'touch') await db.update(session).set({ lastSeenAt: now }).where(eq(session.id, id));
	const p = row.p;
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
			grants: await listGrants(db, p.id),
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
		.where(
			exceptId
				? and(eq(session.personId, personId), ne(session.id, exceptId))
				: eq(session.personId, personId)
		);
}
