import { describe, expect, it } from 'vitest';
import { generateHOTP } from '@oslojs/otp';
import {
	formatRecoveryCode,
	matchTotp,
	normaliseCode,
	requiresTwoFactor,
	stepAt,
	twoFactorGate
} from './two-factor.ts';

// RFC 6238 appendix B uses this ASCII key; its SHA-1 vectors fix the algorithm
const key = new TextEncoder().encode('12345678901234567890');

describe('matchTotp', () => {
	it('accepts the RFC 6238 test vector (T = 59 s → 94287082, last six digits)', () => {
		expect(matchTotp(key, '287082', 59_000, 0)).toBe(1);
	});
	it('accepts the step before and after the clock, not two away', () => {
		const now = 1_111_111_109_000; // RFC vector time; step 37037036
		const at = (step: number) => generateHOTP(key, BigInt(step), 6);
		expect(matchTotp(key, at(stepAt(now) - 1), now, 0)).toBe(stepAt(now) - 1);
		expect(matchTotp(key, at(stepAt(now) + 1), now, 0)).toBe(stepAt(now) + 1);
		expect(matchTotp(key, at(stepAt(now) - 2), now, 0)).toBeNull();
		expect(matchTotp(key, at(stepAt(now) + 2), now, 0)).toBeNull();
	});
	it('refuses a code whose step was already used', () => {
		const now = 1_234_567_890_000;
		const code = generateHOTP(key, BigInt(stepAt(now)), 6);
		expect(matchTotp(key, code, now, stepAt(now) - 1)).toBe(stepAt(now));
		expect(matchTotp(key, code, now, stepAt(now))).toBeNull();
	});
	it('refuses anything that is not six digits', () => {
		for (const bad of ['', '12345', '1234567', 'abcdef', '28708２']) expect(matchTotp(key, bad, 59_000, 0)).toBeNull();
	});
});

describe('normaliseCode', () => {
	it('takes full-width digits, spaces and hyphens as typed', () => {
		expect(normaliseCode('２８７ ０８２')).toBe('287082');
		expect(normaliseCode('ABCD-EFGH-2345')).toBe('abcdefgh2345');
	});
});

describe('twoFactorGate', () => {
	it.each([
		[{ enrolled: true, verified: true, required: true }, 'ok'],
		[{ enrolled: true, verified: false, required: false }, 'verify'],
		[{ enrolled: false, verified: false, required: true }, 'enroll'],
		[{ enrolled: false, verified: false, required: false }, 'ok']
	] as const)('%j → %s', (state, gate) => expect(twoFactorGate(state)).toBe(gate));
});

describe('requiresTwoFactor', () => {
	const g = (role: 'hr' | 'admin' | 'manager' | 'executive') => ({ role, unitId: null, unitPath: null });
	it('is required for HR and admin, optional for managers, executives and staff', () => {
		expect(requiresTwoFactor([g('hr')])).toBe(true);
		expect(requiresTwoFactor([g('manager'), g('admin')])).toBe(true);
		expect(requiresTwoFactor([g('manager')])).toBe(false);
		expect(requiresTwoFactor([g('executive')])).toBe(false);
		expect(requiresTwoFactor([])).toBe(false);
	});
});

it('shows recovery codes in groups of four', () => expect(formatRecoveryCode('abcdefgh2345')).toBe('abcd-efgh-2345'));
