/** Reading the audit log's search form from the URL: pure, with Japanese messages per field. */
import { isIsoDate } from './japanese-date';

export type AuditFilter = { from: string | null; to: string | null; action: string | null; actor: string | null; page: number };
export type AuditFilterResult = { filter: AuditFilter; errors: Record<string, string> };

export const AUDIT_PAGE_SIZE = 100;

const text = (v: string | null) => (v ?? '').normalize('NFKC').trim() || null;

export function parseAuditFilter(params: URLSearchParams, knownActions: readonly string[]): AuditFilterResult {
	const errors: Record<string, string> = {};
	const date = (key: 'from' | 'to', label: string) => {
		const v = text(params.get(key));
		if (v && !isIsoDate(v)) errors[key] = `${label}は日付（例: 2026-04-01）で入力してください。`;
		return v && isIsoDate(v) ? v : null;
	};
	const from = date('from', '開始日');
	const to = date('to', '終了日');
	if (from && to && from > to) errors.to = '終了日は開始日と同じか、それより後の日付にしてください。';
	let action = text(params.get('action'));
	if (action && !knownActions.includes(action)) {
		errors.action = '操作の種類を一覧から選んでください。';
		action = null;
	}
	let actor = text(params.get('actor'));
	if (actor && !/^[0-9A-Za-z-]{1,20}$/.test(actor)) {
		errors.actor = '職員番号は20文字以内の数字（と英字）で入力してください。';
		actor = null;
	}
	const page = Number(params.get('page') ?? '1');
	return { filter: { from, to, action, actor, page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1 }, errors };
}

/** JST calendar days to the instants that bound them, for a query on `at`. */
export function auditRange(filter: Pick<AuditFilter, 'from' | 'to'>): { since: Date | null; until: Date | null } {
	const jst = (d: string) => new Date(`${d}T00:00:00+09:00`);
	return {
		since: filter.from ? jst(filter.from) : null,
		until: filter.to ? new Date(jst(filter.to).getTime() + 86_400_000) : null
	};
}
