import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { db } from '$lib/server/db';
import { requireSection } from '$lib/server/guards';
import { failure, fields, parseForm } from '$lib/server/forms';
import { verifyCertificateCode } from '$lib/server/certificates';
import { toJstDate } from '$lib/domain/japanese-date';
import type { Actions, PageServerLoad } from './$types';

const schema = z.object({ code: fields.text('確認コード', 40) });

export const load: PageServerLoad = async () => {
	requireSection('hr');
	return {};
};

export const actions: Actions = {
	verify: async (event) => {
		const user = requireSection('hr');
		const form = await parseForm(event.request, schema);
		if (!form.ok) return fail(400, form);
		const values = { code: form.data.code };
		const outcome = await verifyCertificateCode(db, user, form.data.code, event.getClientAddress(), toJstDate(new Date()));
		if (outcome.ok) return { certificate: outcome.certificate, values };
		if (outcome.reason === 'format')
			return fail(400, failure('確認コードの形式が正しくありません。', { code: '確認コードは英数字 12 文字です（例: ABCD-EFGH-JKMN）。0・1・I・L・O は使われていません。' }, values));
		return fail(404, failure('この確認コードの修了証は見つかりません。入力に誤りがないか、修了証の確認コードと見比べてください。', {}, values));
	}
};
