import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '../paraglide/runtime.js';
import { checkNewPassword } from './password-policy.ts';

const ctx = { employeeNo: '001234' };

describe('checkNewPassword', () => {
	it.each([
		['short', /10文字以上/],
		['a'.repeat(129), /128文字以内/],
		['ab\u0007cdefghijk', /制御文字/],
		['xx001234yyzz', /職員番号/],
		['aaaaaaaaaaaa', /推測されやすい/],
		['ababababababab', /推測されやすい/],
		['Password123', /推測されやすい/]
	])('rejects %j', (pw, message) => {
		const r = checkNewPassword(pw, ctx);
		expect(r.ok).toBe(false);
		expect(r.ok ? '' : r.message).toMatch(message);
	});

	it.each(['さくら並木の春2025', 'correct horse battery', 'x'.repeat(9) + 'yz'])('accepts %j', (pw) =>
		expect(checkNewPassword(pw, ctx)).toEqual({ ok: true })
	);

	it('counts characters, not UTF-16 units, so 10 kanji are enough', () => {
		expect(checkNewPassword('春夏秋冬東西南北上下', ctx).ok).toBe(true);
		expect(checkNewPassword('春夏秋冬東西南北上', ctx).ok).toBe(false);
	});

	it('rejects reusing the current password', () => {
		const r = checkNewPassword('same-password-1', { ...ctx, current: 'same-password-1' });
		expect(r).toEqual({ ok: false, message: '今のパスワードとは違うものにしてください。' });
	});
});

describe('password messages follow the reader’s locale', () => {
	const base = getLocale;
	afterEach(() => overwriteGetLocale(base));

	it('explains the rule in English to an English reader', () => {
		overwriteGetLocale(() => 'en');
		expect(checkNewPassword('short', ctx)).toEqual({
			ok: false,
			message: 'Your password must have at least 10 characters.'
		});
		expect(checkNewPassword('abc001234xyz', ctx)).toEqual({
			ok: false,
			message: 'Please do not include your employee number in your password.'
		});
		overwriteGetLocale(base);
		expect(checkNewPassword('short', ctx)).toEqual({ ok: false, message: 'パスワードは10文字以上にしてください。' });
	});
});
