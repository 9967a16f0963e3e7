/** Reading the audit log's search form from the URL: pure, with messages per field (in the reader's locale). */
import { isIsoDate } from './japanese-date.ts';
import * as m from '../paraglide/messages.js';

export type AuditFilter = {
	from: string | null;
	to: string | null;
	action: string | null;
	actor: string | null;
	page: number;
};
export type AuditFilterResult = { filter: AuditFilter; errors: Record<string, string> };

export const AUDIT_PAGE_SIZE = 100;

const text = (v: string | null) => (v ?? '').normalize('NFKC').trim() || null;

export function parseAuditFilter(params: URLSearchParams, knownActions: readonly string[]): AuditFilterResult {
	const errors: Record<string, string> = {};
	const date = (key: 'from' | 'to', message: () => string) => {
		const v = text(params.get(key));
		if (v && !isIsoDate(v)) errors[key] = message();
		return v && isIsoDate(v) ? v : null;
	};
	const from = date('from', m.audit_filter_err_from_date);
	const to = date('to', m.audit_filter_err_to_date);
	if (from && to && from > to) errors.to = m.audit_filter_err_range();
	let action = text(params.get('action'));
	if (action && !knownActions.includes(action)) {
		errors.action = m.audit_filter_err_action();
		action = null;
	}
	let actor = text(params.get('actor'));
	if (actor && !/^[0-9A-Za-z-]{1,20}$/.test(actor)) {
		errors.actor = m.audit_filter_err_actor();
		actor = null;
	}
	const page = Number(params.get('page') ?? '1');
	return {
		filter: { from, to, action, actor, page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1 },
		errors
	};
}

/** JST calendar days to the instants that bound them, for a query on `at`. */
export function auditRange(filter: Pick<AuditFilter, 'from' | 'to'>): { since: Date | null; until: Date | null } {
	const jst = (d: string) => new Date(`${d}T00:00:00+09:00`);
	return {
		since: filter.from ? jst(filter.from) : null,
		until: filter.to ? new Date(jst(filter.to).getTime() + 86_400_000) : null
	};
}
