/** Password rules (OWASP ASVS level 2 style: length over composition, no obvious choices). */
import * as m from '../paraglide/messages.js';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

const COMMON = new Set([
	'password',
	'password1',
	'password123',
	'1234567890',
	'0123456789',
	'qwertyuiop',
	'1qaz2wsx3edc',
	'abcdefghij',
	'iloveyou12',
	'manabi1234',
	'passw0rd12'
]);

export type PasswordCheck = { ok: true } | { ok: false; message: string };

export function checkNewPassword(password: string, context: { employeeNo: string; current?: string }): PasswordCheck {
	const length = [...password].length;
	if (length < PASSWORD_MIN) return { ok: false, message: m.auth_password_too_short({ min: PASSWORD_MIN }) };
	if (length > PASSWORD_MAX) return { ok: false, message: m.auth_password_too_long({ max: PASSWORD_MAX }) };
	if (/[\u0000-\u001f\u007f]/.test(password)) return { ok: false, message: m.auth_password_control_chars() };
	const lower = password.toLowerCase();
	if (context.employeeNo && lower.includes(context.employeeNo.toLowerCase()))
		return { ok: false, message: m.auth_password_has_employee_no() };
	if (new Set(password).size <= 2 || COMMON.has(lower)) return { ok: false, message: m.auth_password_guessable() };
	if (context.current !== undefined && context.current === password)
		return { ok: false, message: m.auth_password_same_as_current() };
	return { ok: true };
}
