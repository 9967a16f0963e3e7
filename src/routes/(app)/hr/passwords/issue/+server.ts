import { error } from '@sveltejs/kit';
import { toJstDate } from '$lib/domain/japanese-date';
import { db } from '$lib/server/db';
import { requireSection } from '$lib/server/guards';
import { readForm } from '$lib/server/forms';
import { issueMissingPasswords } from '$lib/server/auth/bulk-passwords';
import { csvBytes, csvHeaders, type CsvEncoding } from '$lib/server/export/csv';
import type { RequestHandler } from './$types';

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
	if (enc !== 'utf-8' && enc !== 'shift_jis') error(400, '文字コードは UTF-8 か Shift_JIS を選んでください。');
	const { issued } = await issueMissingPasswords(db, user, getClientAddress());
	if (issued.length === 0) error(409, '初期パスワードが必要な職員はいません（すでに全員に発行済みです）。');
	const rows = issued.map((p) => [{ code: p.employeeNo }, p.name, p.kana, p.password]);
	const encoding = enc as CsvEncoding;
	return new Response(csvBytes(HEADER, rows, encoding) as Uint8Array<ArrayBuffer>, {
		headers: { ...csvHeaders(`初期パスワード通知_${toJstDate(new Date())}.csv`, encoding), 'cache-control': 'no-store' }
	});
};
