/**
 * Second factor rules (TOTP, RFC 6238, as the Lucia guide does it with @oslojs/otp). Pure: the
 * server supplies the key, the clock and the last accepted step.
 */
import { generateHOTP } from '@oslojs/otp';
import { hasRole, type Grant } from './access.ts';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;

/** Roles that change what others see or can do: they must use a second factor. */
export function requiresTwoFactor(grants: Grant[]): boolean {
	return hasRole({ grants }, 'hr', 'admin');
}

export type TwoFactorGate = 'ok' | 'verify' | 'enroll';

/**
 * What a signed-in person must do before using the app: verify a registered factor in this
 * session, register one because their role requires it, or nothing.
 */
export function twoFactorGate(state: { enrolled: boolean; verified: boolean; required: boolean }): TwoFactorGate {
	if (state.enrolled) return state.verified ? 'ok' : 'verify';
	return state.required ? 'enroll' : 'ok';
}

export const stepAt = (nowMs: number) => Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);

/** Full-width digits, spaces and hyphens as typed or pasted are accepted. */
export function normaliseCode(input: string): string {
	return input.normalize('NFKC').replace(/[\s-]/g, '').toLowerCase();
}

/**
 * The time step a six-digit code belongs to, within one step of the clock either way, or null.
 * A step at or before `lastStep` was already used and is refused (a code works once).
 */
export function matchTotp(key: Uint8Array, code: string, nowMs: number, lastStep: number): number | null {
	if (!/^\d{6}$/.test(code)) return null;
	const now = stepAt(nowMs);
	for (const step of [now - 1, now, now + 1]) {
		if (step <= lastStep) continue;
		if (generateHOTP(key, BigInt(step), TOTP_DIGITS) === code) return step;
	}
	return null;
}

/** A recovery code as shown to the person: 12 base32 letters in groups of four. */
export const RECOVERY_CODE_SHAPE = /^[a-z2-7]{12}$/;
export const formatRecoveryCode = (code: string) => code.match(/.{4}/g)!.join('-');
