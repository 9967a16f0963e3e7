/**
 * Curricula → assignments: which staff a rule covers, when each assignment is due, which
 * period (年度 or module version) it belongs to, and its status. Pure; dates are ISO strings.
 */
import { addDays, fiscalYearOf, fiscalYearRange, type IsoDate } from './japanese-date';

export type RuleCriteria = {
	jobGrades?: readonly string[];
	/** any of these duty tags */
	tagsAny?: readonly string[];
	/** unit subtrees ("/部/課/") */
	unitPaths?: readonly string[];
	employmentTypes?: readonly string[];
	/** hired no more than N days ago */
	hiredWithinDays?: number;
};

export type StaffFacts = {
	id: string;
	active: boolean;
	jobGrade: string;
	tags: string[];
	unitPaths: string[];
	employmentType: string;
	hireDate: IsoDate;
	/** start of the current membership when it came from a transfer (人事異動) */
	transferDate: IsoDate | null;
};

const some = <T>(list: readonly T[] | undefined, test: (x: T) => boolean) => !list || list.length === 0 || list.some(test);

/** All given criteria must hold; a rule with no criteria covers every active member of staff. */
export function matchesRule(c: RuleCriteria, s: StaffFacts, today: IsoDate): boolean {
	if (!s.active) return false;
	return (
		some(c.jobGrades, (g) => g === s.jobGrade) &&
		some(c.tagsAny, (t) => s.tags.includes(t)) &&
		some(c.unitPaths, (p) => s.unitPaths.some((u) => u.startsWith(p))) &&
		some(c.employmentTypes, (e) => e === s.employmentType) &&
		(c.hiredWithinDays === undefined || (s.hireDate <= today && addDays(s.hireDate, c.hiredWithinDays) >= today))
	);
}

export type DueRule =
	| { kind: 'fixed'; date: IsoDate }
	| { kind: 'after_hire'; days: number }
	| { kind: 'after_transfer'; days: number }
	| { kind: 'fiscal_year_end' };

export function computeDueDate(due: DueRule, s: StaffFacts, fiscalYear: number): IsoDate {
	switch (due.kind) {
		case 'fixed':
			return due.date;
		case 'after_hire':
			return addDays(s.hireDate, due.days);
		case 'after_transfer':
			return addDays(s.transferDate ?? s.hireDate, due.days);
		case 'fiscal_year_end':
			return fiscalYearRange(fiscalYear).end;
	}
}

export type Recurrence = 'every_fiscal_year' | 'on_new_version' | 'once';

/** The instance an assignment belongs to: one per 年度, per module version, or just one. */
export function periodKey(r: Recurrence, today: IsoDate, moduleVersion: string): string {
	if (r === 'every_fiscal_year') return `fy:${fiscalYearOf(today)}`;
	if (r === 'on_new_version') return `v:${moduleVersion}`;
	return 'once';
}

export type PassFact = { date: IsoDate; moduleVersion: string };

/** Does a pass satisfy the assignment of this period? */
export function passCounts(r: Recurrence, key: string, pass: PassFact): boolean {
	if (r === 'every_fiscal_year') return `fy:${fiscalYearOf(pass.date)}` === key;
	if (r === 'on_new_version') return `v:${pass.moduleVersion}` === key;
	return true;
}

export type AssignmentStatus = 'not_started' | 'in_progress' | 'passed' | 'overdue' | 'exempt';

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
	not_started: '未着手',
	in_progress: '受講中',
	passed: '合格',
	overdue: '期限切れ',
	exempt: '免除'
};

export type Exemption = { from: IsoDate; to: IsoDate };

/**
 * 合格 wins over everything; an exemption covering today (or the due date) comes next; past the
 * due date without a pass is 期限切れ; reading or attempting is 受講中.
 */
export function assignmentStatus(a: {
	dueDate: IsoDate;
	today: IsoDate;
	passed: boolean;
	started: boolean;
	exemptions: readonly Exemption[];
}): AssignmentStatus {
	if (a.passed) return 'passed';
	const covers = (d: IsoDate) => a.exemptions.some((e) => e.from <= d && d <= e.to);
	if (covers(a.today) || covers(a.dueDate)) return 'exempt';
	if (a.today > a.dueDate) return 'overdue';
	return a.started ? 'in_progress' : 'not_started';
}
