import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { createTOTPKeyURI } from '@oslojs/otp';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { renderSVG } from 'uqr';
import { requiresTwoFactor, TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '$lib/domain/two-factor';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { checkCurrentCode, enroll, isEnrolled, newTotpKey, removeTwoFactor, renewRecoveryCodes, unusedRecoveryCodes } from '$lib/server/auth/two-factor';
import { failure, fields, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const codeField = z.object({ code: fields.text('確認コード', 20) });
const enrollForm = codeField.extend({ key: fields.text('登録キー', 64) });
const WRONG_CODE = failure('確認コードが正しくありません。アプリに表示されている新しい6桁のコードを入力してください。', { code: 'アプリに表示されている6桁の数字を入力してください。' });

function decodeKey(text: string) {
	try {
		const key = decodeBase32IgnorePadding(text.replace(/\s/g, '').toUpperCase());
		return key.length === 20 ? key : null;
	} catch {
		return null;
	}
}

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser();
	const required = requiresTwoFactor(user.grants);
	if (await isEnrolled(db, user.id))
		return { enrolled: true as const, required, recoveryLeft: await unusedRecoveryCodes(db, user.id) };
	// a new key each time the page is shown; it is kept only once a code from the app matches it
	const key = newTotpKey();
	const uri = createTOTPKeyURI('まなび', user.employeeNo, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
	return {
		enrolled: false as const,
		required,
		forced: locals.mustEnrollTwoFactor,
		key: encodeBase32UpperCaseNoPadding(key),
		qr: renderSVG(uri, { border: 2 })
	};
};

export const actions: Actions = {
	enroll: async (event) => {
		const user = requireUser();
		const form = await parseForm(event.request, enrollForm, ['code']);
		if (!form.ok) return fail(400, form);
		const key = decodeKey(form.data.key);
		if (!key) return fail(400, failure('登録キーが正しくありません。画面を読み込み直して、最初からやり直してください。'));
		if (await isEnrolled(db, user.id)) return fail(409, failure('二要素認証はすでに登録されています。'));
		const codes = await enroll(db, user, event.locals.session!.id, key, form.data.code, event.getClientAddress());
		if (!codes) return fail(400, { ...WRONG_CODE, values: { key: form.data.key } });
		return { recoveryCodes: codes, enrolledNow: true };
	},
	renew: async (event) => {
		const user = requireUser();
		const form = await parseForm(event.request, codeField, ['code']);
		if (!form.ok) return fail(400, form);
		const codes = await renewRecoveryCodes(db, user, form.data.code, event.getClientAddress());
		if (!codes) return fail(400, WRONG_CODE);
		return { recoveryCodes: codes };
	},
	remove: async (event) => {
		const user = requireUser();
		if (requiresTwoFactor(user.grants))
			return fail(403, failure('人事・研修担当とシステム管理者は、二要素認証を解除できません。スマートフォンを替えるときは、システム管理者にリセットを依頼してください。'));
		const form = await parseForm(event.request, codeField, ['code']);
		if (!form.ok) return fail(400, form);
		if (!(await checkCurrentCode(db, user.id, form.data.code))) return fail(400, WRONG_CODE);
		await removeTwoFactor(db, user, user.id, event.getClientAddress(), event.locals.session?.id);
		return { removed: true };
	}
};
