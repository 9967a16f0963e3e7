/**
 * The facts reports are computed from: one per person and module in a 年度, built from that
 * 年度's assignments, results and exemptions. Pure; the rules are described in metrics.ts.
 */
import { passCounts, type Recurrence } from './assignment.ts';
import type { IsoDate } from './japanese-date.ts';

export type PersonFact = {
	id: string;
	active: boolean;
	/** 課 (or 係) on the reference date; null if none */
	unitId: string | null;
	/** 部 on the reference date */
	deptId: string | null;
	jobGrade: string;
	tags: readonly string[];
};

export type ModuleFact = {
	personId: string;
	moduleSlug: string;
	assigned: boolean;
	mandatory: boolean;
	exempt: boolean;
	dueDate: IsoDate | null;
	/** quiz results submitted in the 年度 */
	attempts: number;
	firstPassed: boolean;
	/** reached the pass mark in some attempt of the 年度 (comprehension) */
	passedAny: boolean;
	/** passed in a way that satisfies the assignment (completion) */
	passed: boolean;
	/** the first passing day in the 年度 */
	passedOn: IsoDate | null;
	bestScorePct: number | null;
};

export type AssignmentRow = {
	personId: string;
	moduleSlug: string;
	mandatory: boolean;
	dueDate: IsoDate;
	recurrence: Recurrence;
	periodKey: string;
};
export type ResultRow = {
	personId: string;
	moduleSlug: string;
	moduleVersion: string;
	passed: boolean;
	score: number;
	maxScore: number;
	submittedOn: IsoDate;
};
export type ExemptionRow = { personId: string; moduleSlug: string | null; from: IsoDate; to: IsoDate };

/**
 * One fact per person and module from the 年度's assignments (due in the 年度), results (submitted
 * in it, oldest first) and exemptions. `refDate` is the 年度's last day or today, whichever is first.
 */
export function buildFacts(
	assignments: readonly AssignmentRow[],
	results: readonly ResultRow[],
	exemptions: readonly ExemptionRow[],
	refDate: IsoDate
): ModuleFact[] {
	// hot: 600,000 assignments at 30,000 staff, so plain loops, no closure per row and no
	// "person + module" key string per lookup (results are grouped by person, then module)
	const resultsOf = new Map<string, Map<string, ResultRow[]>>();
	const groups: ResultRow[][] = [];
	for (const r of results) {
		let bySlug = resultsOf.get(r.personId);
		if (!bySlug) resultsOf.set(r.personId, (bySlug = new Map()));
		const list = bySlug.get(r.moduleSlug);
		if (list) list.push(r);
		else {
			const fresh = [r];
			bySlug.set(r.moduleSlug, fresh);
			groups.push(fresh);
		}
	}
	const exemptionsOf = new Map<string, ExemptionRow[]>();
	for (const e of exemptions) {
		const list = exemptionsOf.get(e.personId);
		if (list) list.push(e);
		else exemptionsOf.set(e.personId, [e]);
	}
	const facts: ModuleFact[] = [];
	const assigned = new Map<string, Set<string>>();
	let repeated = false;
	const none: ResultRow[] = [];
	for (const a of assignments) {
		let slugs = assigned.get(a.personId);
		if (!slugs) assigned.set(a.personId, (slugs = new Set()));
		if (slugs.has(a.moduleSlug)) repeated = true;
		else slugs.add(a.moduleSlug);
		const rs = resultsOf.get(a.personId)?.get(a.moduleSlug) ?? none;
		let passes = 0;
		let passedOn: IsoDate | null = null;
		let passedAny = false;
		for (const r of rs) {
			if (!r.passed) continue;
			passedAny = true;
			if (passCounts(a.recurrence, a.periodKey, { date: r.submittedOn, moduleVersion: r.moduleVersion })) {
				if (passes++ === 0) passedOn = r.submittedOn;
			}
		}
		const own = passes === 0 ? exemptionsOf.get(a.personId) : undefined;
		facts.push({
			personId: a.personId,
			moduleSlug: a.moduleSlug,
			assigned: true,
			mandatory: a.mandatory,
			exempt: own !== undefined && (covers(own, a.moduleSlug, a.dueDate) || covers(own, a.moduleSlug, refDate)),
			dueDate: a.dueDate,
			attempts: rs.length,
			firstPassed: rs.length > 0 && rs[0].passed,
			passedAny,
			passed: passes > 0,
			passedOn,
			bestScorePct: best(rs)
		});
	}
	// learning nobody assigned still counts for comprehension and 延べ人数
	for (const rs of groups) {
		if (assigned.get(rs[0].personId)?.has(rs[0].moduleSlug)) continue;
		const pass = rs.find((r) => r.passed);
		facts.push({
			personId: rs[0].personId,
			moduleSlug: rs[0].moduleSlug,
			assigned: false,
			mandatory: false,
			exempt: false,
			dueDate: null,
			attempts: rs.length,
			firstPassed: rs[0].passed,
			passedAny: !!pass,
			passed: !!pass,
			passedOn: pass?.submittedOn ?? null,
			bestScorePct: best(rs)
		});
	}
	// facts are unique per person and module unless a module was assigned twice
	return repeated ? mergeFacts(facts) : facts;
}

/** Does one of the person's exemptions (for this module or for all) cover the day? */
function covers(exemptions: readonly ExemptionRow[], slug: string, d: IsoDate): boolean {
	for (const e of exemptions)
		if ((e.moduleSlug === null || e.moduleSlug === slug) && e.from <= d && d <= e.to) return true;
	return false;
}

/** The best score of the results in %, one decimal; null without results. */
function best(rs: readonly ResultRow[]): number | null {
	if (rs.length === 0) return null;
	let max = -Infinity;
	for (const r of rs) {
		const pct = r.maxScore > 0 ? Math.round((r.score / r.maxScore) * 1000) / 10 : 0;
		if (pct > max) max = pct;
	}
	return max;
}

/** Facts for one person and module can arrive twice (assigned twice): merged, keeping the strongest state. */
export function mergeFacts(facts: readonly ModuleFact[]): ModuleFact[] {
	const byKey = new Map<string, ModuleFact>();
	for (const f of facts) {
		const key = `${f.personId}\u0000${f.moduleSlug}`;
		const prev = byKey.get(key);
		if (!prev) {
			byKey.set(key, f);
			continue;
		}
		byKey.set(key, {
			...prev,
			assigned: prev.assigned || f.assigned,
			mandatory: prev.mandatory || f.mandatory,
			// exempt only if every assignment of the module is exempt
			exempt: prev.exempt && f.exempt,
			dueDate: [prev.dueDate, f.dueDate].filter((d): d is string => d !== null).sort()[0] ?? null,
			attempts: Math.max(prev.attempts, f.attempts),
			firstPassed: prev.firstPassed || f.firstPassed,
			passedAny: prev.passedAny || f.passedAny,
			passed: prev.passed || f.passed,
			passedOn: [prev.passedOn, f.passedOn].filter((d): d is string => d !== null).sort()[0] ?? null,
			bestScorePct:
				Math.max(prev.bestScorePct ?? -1, f.bestScorePct ?? -1) < 0
					? null
					: Math.max(prev.bestScorePct ?? 0, f.bestScorePct ?? 0)
		});
	}
	return [...byKey.values()];
}

/** The same five states the learner and the 課長 see, for one fact (reading counts as started). */
export function factStatus(
	f: ModuleFact,
	today: IsoDate,
	startedReading: boolean
): 'passed' | 'exempt' | 'overdue' | 'in_progress' | 'not_started' {
	if (f.passed) return 'passed';
	if (f.exempt) return 'exempt';
	if (f.dueDate !== null && f.dueDate < today) return 'overdue';
	return f.attempts > 0 || startedReading ? 'in_progress' : 'not_started';
}
