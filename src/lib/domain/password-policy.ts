/** Password rules (OWASP ASVS level 2 style: length over composition, no obvious choices). */

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

export function checkNewPassword(
	password: string,
	context: { employeeNo: string; current?: string }
): PasswordCheck {
	const length = [...password].length;
	if (length < PASSWORD_MIN)
		return { ok: false, message: `パスワードは${PASSWORD_MIN}文字以上にしてください。` };
	if (length > PASSWORD_MAX)
		return { ok: false, message: `パスワードは${PASSWORD_MAX}文字以内にしてください。` };
	if (/[\u0000-\u001f\u007f]/.test(password))
		return { ok: false, message: 'パスワードに制御文字は使えません。' };
	const lower = password.toLowerCase();
	if (context.employeeNo && lower.includes(context.employeeNo.toLowerCase()))
		return { ok: false, message: 'パスワードに職員番号を含めないでください。' };
	if (new Set(password).size <= 2 || COMMON.has(lower))
		return { ok: false, message: '推測されやすいパスワードです。別のものにしてください。' };
	if (context.current !== undefined && context.current === password)
		return { ok: false, message: '今のパスワードとは違うものにしてください。' };
	return { ok: true };
}
