/** Registering, checking and resetting a person's authenticator app and recovery codes. */
import { and, eq, isNull, lt } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '../db/client.ts';
import { recoveryCode, session, twoFactor } from '../db/schema.ts';
import { recordAudit, type DbOrTx } from '../audit.ts';
import type { SessionPolicy } from '../../domain/session-policy.ts';
import {
	matchTotp,
	normaliseCode,
	RECOVERY_CODE_COUNT,
	RECOVERY_CODE_SHAPE,
	formatRecoveryCode
} from '../../domain/two-factor.ts';
import { createSession, invalidateAllSessions, invalidateSession } from './session.ts';
import { accountKey, addressKey, checkThrottle, clearAccountFailures, recordFailure } from './throttle-store.ts';

type Who = { id: string; orgId: string; employeeNo: string };

export const newTotpKey = () => crypto.getRandomValues(new Uint8Array(20));
const hashCode = (code: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(code)));

function newRecoveryCodes() {
	return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
		encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(8))).slice(0, 12)
	);
}

async function replaceRecoveryCodes(tx: DbOrTx, personId: string) {
	const codes = newRecoveryCodes();
	await tx.delete(recoveryCode).where(eq(recoveryCode.personId, personId));
	await tx.insert(recoveryCode).values(codes.map((c) => ({ personId, codeHash: hashCode(c) })));
	return codes.map(formatRecoveryCode);
}

export async function isEnrolled(db: Db, personId: string) {
	const [row] = await db.select({ id: twoFactor.personId }).from(twoFactor).where(eq(twoFactor.personId, personId));
	return !!row;
}

export async function unusedRecoveryCodes(db: Db, personId: string) {
	const rows = await db
		.select({ id: recoveryCode.id })
		.from(recoveryCode)
		.where(and(eq(recoveryCode.personId, personId), isNull(recoveryCode.usedAt)));
	return rows.length;
}

/**
 * Registers the key the person's app was set up with, once a code from it checks out, and counts
 * the session in use as verified. Returns
 * the recovery codes (shown once) or null when the code is wrong.
 */
export async function enroll(
	db: Db,
	who: Who,
	sessionId: string,
	key: Uint8Array,
	code: string,
	ip: string,
	now = Date.now()
) {
	const step = matchTotp(key, normaliseCode(code), now, 0);
	if (step === null) return null;
	return db.transaction(async (tx) => {
		await tx.insert(twoFactor).values({ personId: who.id, secret: Buffer.from(key), lastStep: step });
		// the code just entered proves the factor for the session in use
		await tx.update(session).set({ twoFactorVerified: true }).where(eq(session.id, sessionId));
		const codes = await replaceRecoveryCodes(tx, who.id);
		await recordAudit(tx, {
			orgId: who.orgId,
			actorId: who.id,
			action: 'auth.two_factor_enrolled',
			targetType: 'person',
			targetId: who.id,
			ip
		});
		return codes;
	});
}

export type VerifyResult =
	| { ok: true; token: string; expiresAt: Date; usedRecoveryCode: boolean }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Checks a code from the app (each time step works once) or an unused recovery code. Failures
 * count towards the same sign-in throttle as wrong passwords. On success the half-signed-in
 * session is replaced by a new, verified one (a fresh token after each step of sign-in).
 */
export async function verifySecondFactor(
	db: Db,
	who: Who,
	sessionId: string,
	input: string,
	ip: string,
	policy: SessionPolicy,
	now = Date.now()
): Promise<VerifyResult> {
	const keys = { account: accountKey(who.orgId, who.employeeNo), address: addressKey(ip) };
	const audit = (action: string) =>
		recordAudit(db, { orgId: who.orgId, actorId: who.id, action, targetType: 'person', targetId: who.id, ip });
	const throttle = await checkThrottle(db, keys, new Date(now));
	if (throttle.blocked) {
		await audit('auth.sign_in_blocked');
		return { ok: false, reason: 'throttled', retryAfterMs: throttle.retryAfterMs };
	}
	const code = normaliseCode(input);
	const usedRecoveryCode = RECOVERY_CODE_SHAPE.test(code);
	const accepted = usedRecoveryCode
		? await useRecoveryCode(db, who.id, code, now)
		: await useTotp(db, who.id, code, now);
	if (!accepted) {
		await recordFailure(db, keys, new Date(now));
		await audit('auth.two_factor_failed');
		return { ok: false, reason: 'invalid' };
	}
	await clearAccountFailures(db, keys.account);
	await invalidateSession(db, sessionId);
	const fresh = await createSession(db, who.id, policy, { twoFactorVerified: true, now: new Date(now) });
	await audit(usedRecoveryCode ? 'auth.two_factor_recovery_used' : 'auth.two_factor_verified');
	return { ok: true, ...fresh, usedRecoveryCode };
}

/** Accepts the code if its step is newer than the last one used; the update makes that atomic. */
async function useTotp(db: Db, personId: string, code: string, now: number) {
	const [row] = await db.select().from(twoFactor).where(eq(twoFactor.personId, personId));
	if (!row) return false;
	const step = matchTotp(new Uint8Array(row.secret), code, now, row.lastStep);
	if (step === null) return false;
	const done = await db
		.update(twoFactor)
		.set({ lastStep: step })
		.where(and(eq(twoFactor.personId, personId), lt(twoFactor.lastStep, step)))
		.returning({ id: twoFactor.personId });
	return done.length === 1;
}

async function useRecoveryCode(db: Db, personId: string, code: string, now: number) {
	const done = await db
		.update(recoveryCode)
		.set({ usedAt: new Date(now) })
		.where(
			and(eq(recoveryCode.personId, personId), eq(recoveryCode.codeHash, hashCode(code)), isNull(recoveryCode.usedAt))
		)
		.returning({ id: recoveryCode.id });
	return done.length === 1;
}

/** New recovery codes replace all earlier ones (after the person confirms with a current code). */
export async function renewRecoveryCodes(db: Db, who: Who, code: string, ip: string, now = Date.now()) {
	if (!(await useTotp(db, who.id, normaliseCode(code), now))) return null;
	return db.transaction(async (tx) => {
		const codes = await replaceRecoveryCodes(tx, who.id);
		await recordAudit(tx, {
			orgId: who.orgId,
			actorId: who.id,
			action: 'auth.recovery_codes_renewed',
			targetType: 'person',
			targetId: who.id,
			ip
		});
		return codes;
	});
}

/**
 * Removes a person's second factor: by themself (with a current code, only if their role does
 * not require one) or by an administrator when the phone is lost. Their sessions end (except
 * the one the person themself is using).
 */
export async function removeTwoFactor(
	db: Db,
	actor: { id: string; orgId: string },
	personId: string,
	ip: string,
	keepSessionId?: string
) {
	await db.transaction(async (tx) => {
		await tx.delete(recoveryCode).where(eq(recoveryCode.personId, personId));
		await tx.delete(twoFactor).where(eq(twoFactor.personId, personId));
		await recordAudit(tx, {
			orgId: actor.orgId,
			actorId: actor.id,
			action: 'auth.two_factor_removed',
			targetType: 'person',
			targetId: personId,
			ip
		});
	});
	await invalidateAllSessions(db, personId, keepSessionId);
}

export async function checkCurrentCode(db: Db, personId: string, code: string, now = Date.now()) {
	return useTotp(db, personId, normaliseCode(code), now);
}
