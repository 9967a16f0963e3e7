import { AUDIT_ACTIONS, auditLabel } from '#lib/domain/audit-labels.ts';
import { parseAuditFilter } from '#lib/domain/audit-filter.ts';
import { db } from '#lib/server/db/index.ts';
import { requireSection } from '#lib/server/guards.ts';
import { searchAudit } from '#lib/server/audit-log.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireSection('admin');
	const { filter, errors } = parseAuditFilter(url.searchParams, AUDIT_ACTIONS);
	const { rows, total } = await searchAudit(db, user.orgId, filter);
	return {
		filter,
		errors,
		values: Object.fromEntries(
			['from', 'to', 'action', 'actor'].map((k) => [k, url.searchParams.get(k)?.slice(0, 40) ?? ''])
		),
		actions: AUDIT_ACTIONS.map((a) => ({ value: a, label: auditLabel(a) })),
		rows: rows.map(({ before, after, ...r }) => ({ ...r, changed: before !== null || after !== null })),
		total,
		query: url.searchParams.toString()
	};
};
