/**
 * The preview of a staff-list import: who is new, whose record changes, who moves to another
 * unit (人事異動, from an effective date), and who is missing from the file and would be
 * deactivated. Pure: the caller applies the plan in one transaction.
 */

export type StaffRecord = {
	employeeNo: string;
	name: string;
	kana: string;
	jobGrade: string;
	employmentType: string;
	hireDate: string;
	email: string | null;
	tags: string[];
	unitCode: string | null;
};

export type CurrentStaff = StaffRecord & { active: boolean };
export type IncomingStaff = StaffRecord & { row: number; effectiveDate: string | null };

const FIELDS = ['name', 'kana', 'jobGrade', 'employmentType', 'hireDate', 'email', 'tags'] as const;
export type ChangedField = { field: (typeof FIELDS)[number]; before: string; after: string };

export type ImportPlan = {
	added: IncomingStaff[];
	changed: { employeeNo: string; row: number; fields: ChangedField[] }[];
	transfers: { employeeNo: string; row: number; from: string | null; to: string; effectiveDate: string }[];
	reactivated: string[];
	deactivated: CurrentStaff[];
	unchanged: number;
	/** share of currently active staff the file would deactivate (0–1) */
	deactivationShare: number;
	needsConfirmation: boolean;
};

const show = (v: string | string[] | null) => (Array.isArray(v) ? [...v].sort().join('、') : (v ?? ''));

export function planImport(
	current: CurrentStaff[],
	incoming: IncomingStaff[],
	opts: { today: string; maxDeactivationShare: number; alsoInFile?: readonly string[] }
): ImportPlan {
	const byNo = new Map(current.map((c) => [c.employeeNo, c]));
	// people on rows that had errors are still in the file: skipping their row must not deactivate them
	const inFile = new Set([...incoming.map((i) => i.employeeNo), ...(opts.alsoInFile ?? [])]);
	const plan: ImportPlan = {
		added: [],
		changed: [],
		transfers: [],
		reactivated: [],
		deactivated: [],
		unchanged: 0,
		deactivationShare: 0,
		needsConfirmation: false
	};
	for (const row of incoming) {
		const cur = byNo.get(row.employeeNo);
		if (!cur) {
			plan.added.push(row);
			continue;
		}
		const fields = FIELDS.filter((f) => show(cur[f]) !== show(row[f])).map((f) => ({
			field: f,
			before: show(cur[f]),
			after: show(row[f])
		}));
		if (fields.length) plan.changed.push({ employeeNo: row.employeeNo, row: row.row, fields });
		if (cur.unitCode !== row.unitCode)
			plan.transfers.push({
				employeeNo: row.employeeNo,
				row: row.row,
				from: cur.unitCode,
				to: row.unitCode!,
				effectiveDate: row.effectiveDate ?? opts.today
			});
		if (!cur.active) plan.reactivated.push(row.employeeNo);
		if (!fields.length && cur.unitCode === row.unitCode && cur.active) plan.unchanged++;
	}
	plan.deactivated = current.filter((c) => c.active && !inFile.has(c.employeeNo));
	const active = current.filter((c) => c.active).length;
	plan.deactivationShare = active === 0 ? 0 : plan.deactivated.length / active;
	plan.needsConfirmation = plan.deactivationShare > opts.maxDeactivationShare;
	return plan;
}
