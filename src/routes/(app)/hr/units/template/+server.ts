import { requireSection } from '#lib/server/guards.ts';
import { UNIT_CSV_HEADER } from '#lib/server/import/unit-csv.ts';
import type { RequestHandler } from './$types';
import * as m from '#lib/paraglide/messages.js';

const EXAMPLE = [
	['200', '市民部', 'シミンブ', '部', ''],
	['210', '市民課', 'シミンカ', '課', '200'],
	['211', '住民記録係', 'ジュウミンキロクカカリ', '係', '210']
];

/** The organisation chart template, UTF-8 with BOM so that Excel opens it correctly. */
export const GET: RequestHandler = () => {
	requireSection('hr');
	const body =
		'\ufeff' + [UNIT_CSV_HEADER, ...EXAMPLE].map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n') + '\r\n';
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="units-template.csv"; filename*=UTF-8''${encodeURIComponent(m.export_file_units_template())}`
		}
	});
};
