import { error } from '@sveltejs/kit';
import { reportScope } from '$lib/domain/access';
import { formatFiscalYear } from '$lib/domain/japanese-date';
import { db } from '$lib/server/db';
import { requireSection } from '$lib/server/guards';
import { recordAudit } from '$lib/server/audit';
import { getModule } from '$lib/server/content/catalog';
import { chosenFiscalYear, dashboardFor } from '$lib/server/reports/view';
import { csvBytes, csvHeaders, csvStream, type CsvEncoding } from '$lib/server/export/csv';
import { personAssignmentPages, PERSON_ASSIGNMENT_HEADER } from '$lib/server/export/person-assignments';
import { TARGET_HEADER, targetRows, UNIT_SUMMARY_HEADER, unitSummaryRows } from '$lib/server/export/reports';
import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages';

const KINDS = { persons: m.export_kind_persons, units: m.export_kind_units, targets: m.export_kind_targets } as const;

/** CSV downloads of the dashboard's data, limited to what the viewer may see; each is audited. */
export const GET: RequestHandler = async ({ url, getClientAddress }) => {
	const user = requireSection('dashboard');
	const kind = url.searchParams.get('kind') ?? '';
	if (!(kind in KINDS)) error(400, m.err_export_kind_invalid());
	const enc = url.searchParams.get('enc') ?? 'utf-8';
	if (enc !== 'utf-8' && enc !== 'shift_jis') error(400, m.err_choose_encoding());
	const encoding = enc as CsvEncoding;
	const fiscalYear = chosenFiscalYear(url.searchParams.get('fy'));
	const moduleSlug = url.searchParams.get('module') || undefined;
	if (moduleSlug && !getModule(moduleSlug)) error(400, m.err_module_not_found());
	const label = KINDS[kind as keyof typeof KINDS]();
	const fileName = `${label}${moduleSlug ? `_${getModule(moduleSlug)!.title}` : ''}_${formatFiscalYear(fiscalYear).replace(/（.*）/, '')}.csv`;
	await recordAudit(db, { orgId: user.orgId, actorId: user.id, action: 'export.downloaded', targetType: 'export', targetId: kind, after: { fiscalYear, encoding, moduleSlug: moduleSlug ?? null }, ip: getClientAddress() });
	if (kind === 'persons') {
		const pages = personAssignmentPages(db, { orgId: user.orgId, fiscalYear, scopePaths: reportScope(user), moduleSlug, titleOf: (s) => getModule(s)?.title ?? s });
		return new Response(csvStream(PERSON_ASSIGNMENT_HEADER, pages, encoding), { headers: csvHeaders(fileName, encoding) });
	}
	const view = await dashboardFor(user, fiscalYear);
	const bytes = kind === 'units' ? csvBytes(UNIT_SUMMARY_HEADER, unitSummaryRows(view), encoding) : csvBytes(TARGET_HEADER, targetRows(view), encoding);
	return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: csvHeaders(fileName, encoding) });
};
