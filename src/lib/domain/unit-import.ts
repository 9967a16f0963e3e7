/**
 * The organisation chart (部 → 課 → 係) from a CSV: which units are new, renamed or moved under
 * another parent (組織改正). Pure. Units missing from the file are left as they are: staff may
 * still belong to them, and their records must keep their 所属.
 */
import * as m from '../paraglide/messages.js';

export type UnitKind = 'department' | 'section' | 'team';
export type UnitRecord = { code: string; name: string; kana: string; kind: UnitKind; parentCode: string | null };
export type IncomingUnit = UnitRecord & { row: number };
export type UnitRowError = { row: number; column: string; message: string };

export const KIND_LABELS: Record<string, UnitKind> = {
	部: 'department',
	課: 'section',
	係: 'team',
	室: 'section',
	局: 'department',
	班: 'team',
	担当: 'team'
};
const PARENT_KIND: Record<UnitKind, UnitKind | null> = { department: null, section: 'department', team: 'section' };
/** A unit kind inside a sentence, in the reader's locale. */
const KIND_NAME: Record<UnitKind, () => string> = {
	department: m.import_kind_department,
	section: m.import_kind_section,
	team: m.import_kind_team
};

export type UnitPlan = {
	added: IncomingUnit[];
	changed: IncomingUnit[];
	moved: IncomingUnit[];
	unchanged: number;
	errors: UnitRowError[];
};

/** Checks the whole file against itself and the current chart; any error means nothing is applied. */
export function planUnits(current: readonly UnitRecord[], incoming: readonly IncomingUnit[]): UnitPlan {
	const plan: UnitPlan = { added: [], changed: [], moved: [], unchanged: 0, errors: [] };
	const err = (row: number, column: string, message: string) => plan.errors.push({ row, column, message });
	const now = new Map(current.map((u) => [u.code, u]));
	const firstRow = new Map<string, number>();
	for (const u of incoming) {
		if (firstRow.has(u.code))
			err(u.row, '所属コード', m.import_err_unit_code_duplicate({ code: u.code, row: firstRow.get(u.code)! }));
		else firstRow.set(u.code, u.row);
	}
	// the chart as it would be: the file wins over the database
	const after = new Map(now);
	for (const u of incoming) after.set(u.code, u);
	for (const u of incoming) {
		const cur = now.get(u.code);
		if (cur && cur.kind !== u.kind) {
			err(u.row, '区分', m.import_err_unit_kind_fixed({ code: u.code, kind: KIND_NAME[cur.kind]() }));
			continue;
		}
		const want = PARENT_KIND[u.kind];
		const parent = u.parentCode ? after.get(u.parentCode) : null;
		if (want === null && u.parentCode) err(u.row, '上位所属コード', m.import_err_department_has_parent());
		else if (want !== null && !u.parentCode)
			err(
				u.row,
				'上位所属コード',
				m.import_err_parent_required({ kind: KIND_NAME[u.kind](), parent: KIND_NAME[want]() })
			);
		else if (want !== null && !parent)
			err(u.row, '上位所属コード', m.import_err_parent_unknown({ code: u.parentCode! }));
		else if (want !== null && parent!.kind !== want)
			err(
				u.row,
				'上位所属コード',
				m.import_err_parent_wrong_kind({
					kind: KIND_NAME[u.kind](),
					want: KIND_NAME[want](),
					code: u.parentCode!,
					actual: KIND_NAME[parent!.kind]()
				})
			);
		if (!cur) plan.added.push(u);
		else if (cur.parentCode !== u.parentCode) plan.moved.push(u);
		else if (cur.name !== u.name || cur.kana !== u.kana) plan.changed.push(u);
		else plan.unchanged++;
	}
	plan.errors.sort((a, b) => a.row - b.row);
	return plan;
}

/** Parents before children, so paths can be built in one pass. */
export function parentsFirst<T extends { kind: UnitKind }>(units: readonly T[]): T[] {
	const order: Record<UnitKind, number> = { department: 0, section: 1, team: 2 };
	return [...units].sort((a, b) => order[a.kind] - order[b.kind]);
}
