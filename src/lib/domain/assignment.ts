/**
 * Curricula → assignments: which staff a rule covers, when each assignment is due, which
 * period (年度 or module version) it belongs to, and its status. Pure; dates are ISO strings.
 */
import { anyInSubtrees } from './unit-path.ts';
import { addDays, fiscalYearOf, fiscalYearRange, type IsoDate } from './japanese-date.ts';
import * as m from '../paraglide/messages.js';

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

const some = <T>(list: readonly T[] | undefined, test: (x: T) => boolean) =>
	!list || list.length === 0 || list.some(test);

/** All given criteria must hold; a rule with no criteria covers every active member of staff already hired. */
export function matchesRule(c: RuleCriteria, s: StaffFacts, today: IsoDate): boolean {
	// staff join on their hire date: someone whose first day is still ahead is not covered yet
	if (!s.active || s.hireDate > today) return false;
	return (
		some(c.jobGrades, (g) => g === s.jobGrade) &&
		some(c.tagsAny, (t) => s.tags.includes(t)) &&
		some(c.unitPaths, (p) => anyInSubtrees(s.unitPaths, [p])) &&
		some(c.employmentTypes, (e) => e === s.employmentType) &&
		(c.hiredWithinDays === undefined || (s.hireDate <= today && addDays(s.hireDate, c.hiredWithinDays) >= today))
	);
}

export type DueRule =
	| { kind: 'fixed'; date: IsoDate }
	| { kind: 'after_hire'; days: number }
	| { kind: 'after_transfer'; days: number }
	| { kind: 'fiscal_year_end' };

/**
 * When an assignment made on `today` is due. A relative rule (N days after hire or transfer)
 * whose date has already passed when the person first comes under it — an existing member of
 * staff covered by a new curriculum — gets the same N days from today instead of being overdue
 * on day one. A fixed date is kept as given (the editor refuses past dates).
 */
export function computeDueDate(due: DueRule, s: StaffFacts, fiscalYear: number, today?: IsoDate): IsoDate {
	const relative = (anchor: IsoDate, days: number) => {
		const d = addDays(anchor, days);
		return today && d < today ? addDays(today, days) : d;
	};
	switch (due.kind) {
		case 'fixed':
			return due.date;
		case 'after_hire':
			return relative(s.hireDate, due.days);
		case 'after_transfer':
			return relative(s.transferDate ?? s.hireDate, due.days);
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

/** Getters: each label is translated when read, in the reader's locale. */
export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
	get not_started() {
		return m.label_status_not_started();
	},
	get in_progress() {
		return m.label_status_in_progress();
	},
	get passed() {
		return m.label_status_passed();
	},
	get overdue() {
		return m.label_status_overdue();
	},
	get exempt() {
		return m.label_status_exempt();
	}
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

/** How far one person is: mandatory passed of mandatory, overdue and still open (not passed, not exempt). */
export function summarise(items: readonly { mandatory: boolean; status: AssignmentStatus }[]) {
	const mandatory = items.filter((i) => i.mandatory && i.status !== 'exempt');
	return {
		mandatory: mandatory.length,
		mandatoryPassed: mandatory.filter((i) => i.status === 'passed').length,
		overdue: items.filter((i) => i.status === 'overdue').length,
		open: items.filter((i) => i.status !== 'passed' && i.status !== 'exempt').length
	};
}

/** 新規採用職員: hired within the last year (and not in the future). */
export const isNewHire = (hireDate: IsoDate, today: IsoDate) => hireDate <= today && addDays(hireDate, 365) >= today;
