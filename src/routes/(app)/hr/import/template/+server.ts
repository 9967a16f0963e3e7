import { requireSection } from '#lib/server/guards.ts';
import { CSV_TEMPLATE_HEADER } from '#lib/server/import/staff-csv.ts';
import type { RequestHandler } from './$types';
import * as m from '#lib/paraglide/messages.js';

const EXAMPLE = [
	'001234',
	'山田 太郎',
	'ヤマダ タロウ',
	'210',
	'主事',
	'正規職員',
	'2020/4/1',
	'yamada@example.jp',
	'窓口、個人情報取扱者',
	''
];

/** The documented CSV template, UTF-8 with BOM so that Excel opens it correctly. */
export const GET: RequestHandler = () => {
	requireSection('hr');
	const body =
		'\ufeff' + [CSV_TEMPLATE_HEADER, EXAMPLE].map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n') + '\r\n';
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="staff-template.csv"; filename*=UTF-8''${encodeURIComponent(m.export_file_staff_template())}`
		}
	});
};
