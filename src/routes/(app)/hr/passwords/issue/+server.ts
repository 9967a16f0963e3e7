import { error } from '@sveltejs/kit';
import { toJstDate } from '#lib/domain/japanese-date.ts';
import { db } from '#lib/server/db/index.ts';
import { requireSection } from '#lib/server/guards.ts';
import { readForm } from '#lib/server/forms.ts';
import { issueMissingPasswords } from '#lib/server/auth/bulk-passwords.ts';
import { csvBytes, csvHeaders, type CsvEncoding } from '#lib/server/export/csv.ts';
import type { RequestHandler } from './$types';
import * as m from '#lib/paraglide/messages.js';

const HEADER = ['職員番号', '氏名', 'フリガナ', '初期パスワード'];

/**
 * Issues the missing initial passwords and answers with the パスワード通知 list as a CSV (the only
 * time the passwords exist in clear). A form post; the page stays where it is.
 */
export const POST: RequestHandler = async ({ request, getClientAddress }) => {
	const user = requireSection('hr');
	const read = await readForm(request);
	if (!read.ok) error(400, read.message);
	const enc = read.form.get('enc');
	if (enc !== 'utf-8' && enc !== 'shift_jis') error(400, m.err_choose_encoding());
	const { issued } = await issueMissingPasswords(db, user, getClientAddress());
	if (issued.length === 0) error(409, m.pw_err_none_needed());
	const rows = issued.map((p) => [{ code: p.employeeNo }, p.name, p.kana, p.password]);
	const encoding = enc as CsvEncoding;
	return new Response(csvBytes(HEADER, rows, encoding) as Uint8Array<ArrayBuffer>, {
		headers: {
			...csvHeaders(m.export_file_passwords({ date: toJstDate(new Date()) }), encoding),
			'cache-control': 'no-store'
		}
	});
};
