import { error } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.ts';
import { requireSection } from '#lib/server/guards.ts';
import { getClosedPack } from '#lib/server/reports/close.ts';
import { recordAudit } from '#lib/server/audit.ts';
import type { RequestHandler } from './$types';
import * as m from '#lib/paraglide/messages.js';

/** The evidence pack exactly as frozen, with its SHA-256 in a header to compare with the list. */
export const GET: RequestHandler = async ({ params, getClientAddress }) => {
	const user = requireSection('hr');
	const row = await getClosedPack(db, user.orgId, Number(params.fiscalYear));
	if (!row) error(404, m.fy_err_not_closed());
	await recordAudit(db, {
		orgId: user.orgId,
		actorId: user.id,
		action: 'export.downloaded',
		targetType: 'fiscal_year_close',
		targetId: row.id,
		ip: getClientAddress()
	});
	return new Response(row.pack, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="manabi-evidence-${row.fiscalYear}.json"`,
			'x-content-sha256': row.sha256,
			'cache-control': 'no-store'
		}
	});
};
