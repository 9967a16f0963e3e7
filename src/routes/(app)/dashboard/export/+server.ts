import { error, redirect } from '@sveltejs/kit';
import { reportScope } from '#lib/domain/access.ts';
import { formatFiscalYear } from '#lib/domain/japanese-date.ts';
import { db } from '#lib/server/db/index.ts';
import { requireSection } from '#lib/server/guards.ts';
import { readForm } from '#lib/server/forms.ts';
import { recordAudit } from '#lib/server/audit.ts';
import { getModule } from '#lib/server/content/catalog.ts';
import { chosenFiscalYear, dashboardFor } from '#lib/server/reports/view.ts';
import { csvBytes, csvHeaders, type CsvEncoding } from '#lib/server/export/csv.ts';
import { TARGET_HEADER, targetRows, UNIT_SUMMARY_HEADER, unitSummaryRows } from '#lib/server/export/reports.ts';
import { jobs } from '#lib/server/jobs/index.ts';
import type { PersonExportParams } from '#lib/server/jobs/handlers.ts';
import type { RequestHandler } from './$types';
import * as m from '#lib/paraglide/messages.js';

const KINDS = { persons: m.export_kind_persons, units: m.export_kind_units, targets: m.export_kind_targets } as const;

type Choice = { get: (key: string) => string | null };

/** The choice from the query string (GET) or the form (POST), checked alike. */
function readChoice(q: Choice) {
	const kind = q.get('kind') ?? '';
	if (!(kind in KINDS)) error(400, m.err_export_kind_invalid());
	const enc = q.get('enc') ?? 'utf-8';
	if (enc !== 'utf-8' && enc !== 'shift_jis') error(400, m.err_choose_encoding());
	const fiscalYear = chosenFiscalYear(q.get('fy'));
	const moduleSlug = q.get('module') || undefined;
	if (moduleSlug && !getModule(moduleSlug)) error(400, m.err_module_not_found());
	const label = KINDS[kind as keyof typeof KINDS]();
	const fileName = `${label}${moduleSlug ? `_${getModule(moduleSlug)!.title}` : ''}_${formatFiscalYear(fiscalYear).replace(/（.*）/, '')}.csv`;
	return { kind: kind as keyof typeof KINDS, encoding: enc as CsvEncoding, fiscalYear, moduleSlug, fileName };
}

/** The small summaries straight away, audited. */
async function small(c: ReturnType<typeof readChoice>, user: ReturnType<typeof requireSection>, ip: string) {
	await recordAudit(db, {
		orgId: user.orgId,
		actorId: user.id,
		action: 'export.downloaded',
		targetType: 'export',
		targetId: c.kind,
		after: { fiscalYear: c.fiscalYear, encoding: c.encoding, moduleSlug: c.moduleSlug ?? null },
		ip
	});
	const view = await dashboardFor(user, c.fiscalYear);
	const bytes =
		c.kind === 'units'
			? csvBytes(UNIT_SUMMARY_HEADER, unitSummaryRows(view), c.encoding)
			: csvBytes(TARGET_HEADER, targetRows(view), c.encoding);
	return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: csvHeaders(c.fileName, c.encoding) });
}

/** CSV downloads of the dashboard's data, limited to what the viewer may see; each is audited. */
export const GET: RequestHandler = async ({ url, getClientAddress }) => {
	const user = requireSection('dashboard');
	const c = readChoice(url.searchParams);
	if (c.kind === 'persons') error(400, m.err_export_persons_use_form());
	return small(c, user, getClientAddress());
};

/**
 * The form. 個人別受講状況 (600,000 rows at 30,000 staff) is written to a file by a job and the
 * browser goes to its progress page; the audit entry is made when the file is downloaded.
 */
export const POST: RequestHandler = async ({ request, getClientAddress }) => {
	const user = requireSection('dashboard');
	const read = await readForm(request);
	if (!read.ok) error(400, read.message);
	const c = readChoice({
		get: (k) => {
			const v = read.form.get(k);
			return typeof v === 'string' ? v : null;
		}
	});
	if (c.kind !== 'persons') return small(c, user, getClientAddress());
	const params: PersonExportParams = {
		fiscalYear: c.fiscalYear,
		encoding: c.encoding,
		moduleSlug: c.moduleSlug ?? null,
		scopePaths: reportScope(user),
		fileName: c.fileName
	};
	const { id } = await jobs.submit({ orgId: user.orgId, createdBy: user.id, kind: 'person_export', params });
	redirect(303, `/jobs/${id}`);
};
