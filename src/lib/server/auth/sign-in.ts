import type { Db } from '../db/client.ts';
import type { SessionPolicy } from '../../domain/session-policy.ts';
import { checkNewPassword } from '../../domain/password-policy.ts';
import { recordAudit } from '../audit.ts';
import { getPerson, getPersonByEmployeeNo, setPassword } from '../people.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.ts';
import { createSession, invalidateAllSessions } from './session.ts';
import { accountKey, addressKey, checkThrottle, clearAccountFailures, recordFailure } from './throttle-store.ts';
import { generateInitialPassword } from './token.ts';
import { isEnrolled } from './two-factor.ts';
import * as m from '../../paraglide/messages.js';

export type SignInResult =
	| { ok: true; token: string; expiresAt: Date; personId: string; needsSecondFactor: boolean }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

type SignInInput = { orgId: string; employeeNo: string; password: string; ip: string };

export async function signIn(db: Db, input: SignInInput, policy: SessionPolicy): Promise<SignInResult> {
	const keys = { account: accountKey(input.orgId, input.employeeNo), address: addressKey(input.ip) };
	const audit = (action: string, actorId: string | null, after?: unknown) =>
		recordAudit(db, {
			orgId: input.orgId,
			actorId,
			action,
			targetType: 'employee_no',
			targetId: input.employeeNo,
			after,
			ip: input.ip
		});

	const throttle = await checkThrottle(db, keys);
	if (throttle.blocked) {
		await audit('auth.sign_in_blocked', null);
		return { ok: false, reason: 'throttled', retryAfterMs: throttle.retryAfterMs };
	}
	const person = await getPersonByEmployeeNo(db, input.orgId, input.employeeNo);
	const valid =
		person?.active && person.passwordHash
			? await verifyPassword(person.passwordHash, input.password)
			: await verifyAgainstDummy(input.password);
	if (!person || !valid) {
		await recordFailure(db, keys);
		await audit('auth.sign_in_failed', null);
		return { ok: false, reason: 'invalid' };
	}
	await clearAccountFailures(db, keys.account);
	const { token, expiresAt } = await createSession(db, person.id, policy);
	const needsSecondFactor = await isEnrolled(db, person.id);
	await audit(needsSecondFactor ? 'auth.password_verified' : 'auth.sign_in', person.id);
	return { ok: true, token, expiresAt, personId: person.id, needsSecondFactor };
}

export type ChangePasswordResult =
	{ ok: true; token: string; expiresAt: Date } | { ok: false; field: 'current' | 'next'; message: string };

/** Checks the current password, sets the new one, ends every session and starts a fresh one. */
export async function changePassword(
	db: Db,
	personId: string,
	current: string,
	next: string,
	policy: SessionPolicy,
	ip: string
): Promise<ChangePasswordResult> {
	const p = await getPerson(db, personId);
	if (!p?.passwordHash || !(await verifyPassword(p.passwordHash, current)))
		return { ok: false, field: 'current', message: m.auth_err_current_password_wrong() };
	const check = checkNewPassword(next, { employeeNo: p.employeeNo, current });
	if (!check.ok) return { ok: false, field: 'next', message: check.message };
	await setPassword(db, p.id, await hashPassword(next), false);
	await invalidateAllSessions(db, p.id);
	const session = await createSession(db, p.id, policy, { twoFactorVerified: true });
	await recordAudit(db, {
		orgId: p.orgId,
		actorId: p.id,
		action: 'auth.password_changed',
		targetType: 'person',
		targetId: p.id,
		ip
	});
	return { ok: true, ...session };
}

/** HR issues a one-time password; the person must change it at the next sign-in. */
export async function issueInitialPassword(db: Db, actor: { id: string; orgId: string }, personId: string, ip: string) {
	const password = generateInitialPassword();
	await setPassword(db, personId, await hashPassword(password), true);
	await invalidateAllSessions(db, personId);
	await recordAudit(db, {
		orgId: actor.orgId,
		actorId: actor.id,
		action: 'person.initial_password_issued',
		targetType: 'person',
		targetId: personId,
		ip
	});
	return password;
}
