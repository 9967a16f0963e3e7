/**
 * Report metrics for one 年度: who counts, who passed, and each target's actual against its goal.
 * Pure: the server turns the database into facts (one per person and module), and everything a
 * dashboard, export or evidence pack shows is computed here, from the same rules.
 *
 * The rules, in words (the same text is on the dashboard's 「集計の考え方」):
 * - A person is counted where they belonged on the reference date (the 年度's last day, or today
 *   while the 年度 is running).
 * - Assigned: an assignment due within the 年度. A person assigned the same module twice (by two
 *   curricula, or also by hand) counts once.
 * - Exempt (免除) assignments leave the denominator; staff who have left (inactive) leave it too,
 *   unless they passed before leaving.
 * - Passed: a pass that satisfies the assignment (the 年度 for annual training, the current version
 *   for re-attestation). Retakes count: the best attempt decides; the first attempt is shown beside it.
 */
import type { IsoDate } from './japanese-date.ts';
import type { ModuleFact, PersonFact } from './report-facts.ts';
import * as m from '../paraglide/messages.js';

export type Summary = {
	/** assigned, not exempt, still counted (active or passed) */
	assigned: number;
	passed: number;
	exempt: number;
	overdue: number;
	notStarted: number;
	/** took at least one quiz in the 年度 */
	attempted: number;
	passedFirst: number;
	passedBest: number;
	/** percentages with one decimal, or null when the denominator is 0 */
	completionRate: number | null;
	firstAttemptRate: number | null;
	bestAttemptRate: number | null;
};

export const rate = (num: number, den: number): number | null =>
	den === 0 ? null : Math.round((num / den) * 1000) / 10;

/** Is this assignment in the completion denominator? */
export const counts = (f: ModuleFact, p: PersonFact | undefined) =>
	f.assigned && !f.exempt && !!p && (p.active || f.passed);

/** The counts behind a Summary; facts are added one at a time (see `tallyFact`), so a summary can be built a page of staff at a time. */
export type Tally = Omit<Summary, 'completionRate' | 'firstAttemptRate' | 'bestAttemptRate'>;

export const emptyTally = (): Tally => ({
	assigned: 0,
	passed: 0,
	exempt: 0,
	overdue: 0,
	notStarted: 0,
	attempted: 0,
	passedFirst: 0,
	passedBest: 0
});

/** Adds one fact to a tally (`p` is its person, if known). */
export function tallyFact(t: Tally, f: ModuleFact, p: PersonFact | undefined, today: IsoDate): void {
	if (f.assigned && f.exempt) t.exempt++;
	if (counts(f, p)) {
		t.assigned++;
		if (f.passed) t.passed++;
		else if (f.dueDate !== null && f.dueDate < today) t.overdue++;
		else if (f.attempts === 0) t.notStarted++;
	}
	if (f.attempts > 0) {
		t.attempted++;
		if (f.firstPassed) t.passedFirst++;
		if (f.passedAny) t.passedBest++;
	}
}

/** A tally's summary: the counts and their rates. */
export const summaryOf = (t: Tally): Summary => ({
	...t,
	completionRate: rate(t.passed, t.assigned),
	firstAttemptRate: rate(t.passedFirst, t.attempted),
	bestAttemptRate: rate(t.passedBest, t.attempted)
});

export function summarise(
	facts: readonly ModuleFact[],
	people: ReadonlyMap<string, PersonFact>,
	today: IsoDate
): Summary {
	const t = emptyTally();
	for (const f of facts) tallyFact(t, f, people.get(f.personId), today);
	return summaryOf(t);
}

/** Summaries per group (部, 課, 職階 …); people without a group are left out. */
export function groupSummaries(
	facts: readonly ModuleFact[],
	people: ReadonlyMap<string, PersonFact>,
	groupOf: (p: PersonFact) => string | null,
	today: IsoDate
): Map<string, Summary> {
	const groups = new Map<string, Tally>();
	for (const f of facts) {
		const p = people.get(f.personId);
		const g = p ? groupOf(p) : null;
		if (g === null) continue;
		let t = groups.get(g);
		if (!t) groups.set(g, (t = emptyTally()));
		tallyFact(t, f, p, today);
	}
	return new Map([...groups].map(([g, t]) => [g, summaryOf(t)]));
}

export type Metric = 'comprehension_rate' | 'completion_rate' | 'person_count' | 'coverage';
export type ScopeKind = 'module' | 'category' | 'curriculum' | 'tag' | 'all';

export type Target = {
	metric: Metric;
	/** for rates: a percentage (0–100); for person_count: a number of people */
	threshold: number;
	baseline: number | null;
};

export type TargetResult = {
	actual: number | null;
	numerator: number;
	denominator: number | null;
	met: boolean;
	/** set when there is nothing to measure yet */
	empty: string | null;
};

/** A threshold that can be reached: 0–100 for rates, a positive whole number for counts. */
export function thresholdProblem(metric: Metric, threshold: number): string | null {
	if (!Number.isFinite(threshold)) return m.metric_err_threshold_number();
	if (metric === 'person_count')
		return Number.isInteger(threshold) && threshold >= 1 && threshold <= 10_000_000
			? null
			: m.metric_err_threshold_count();
	return threshold > 0 && threshold <= 100 ? null : m.metric_err_threshold_rate();
}

/**
 * What a target's actual is computed from, for the facts in its scope: their tally, how many
 * are passed, classroom sessions, external courses and certifications (`extraCount`, for
 * 延べ人数), and for coverage the active staff in scope who are not exempt (`population`) and
 * how many of them passed something (`passedPeople`).
 */
export type TargetCounts = {
	tally: Tally;
	passedFacts: number;
	extraCount: number;
	population: number;
	passedPeople: number;
};

export function targetResultOf(t: Target, c: TargetCounts): TargetResult {
	const s = c.tally;
	const result = (
		numerator: number,
		denominator: number | null,
		actual: number | null,
		empty: string
	): TargetResult => ({
		numerator,
		denominator,
		actual,
		met: actual !== null && actual >= t.threshold,
		empty: actual === null ? empty : null
	});
	switch (t.metric) {
		case 'completion_rate':
			return result(s.passed, s.assigned, rate(s.passed, s.assigned), m.metric_empty_completion());
		case 'comprehension_rate':
			return result(s.passedBest, s.attempted, rate(s.passedBest, s.attempted), m.metric_empty_comprehension());
		case 'person_count': {
			const n = c.passedFacts + c.extraCount;
			return result(n, null, n, '');
		}
		case 'coverage':
			return result(c.passedPeople, c.population, rate(c.passedPeople, c.population), m.metric_empty_coverage());
	}
}

/**
 * A target's actual for facts already limited to its scope. `population` is the active staff in
 * scope (for coverage, with the exempt left out by the caller); `extraCount` adds classroom
 * sessions, external courses and certifications to 延べ人数.
 */
export function evaluateTarget(
	t: Target,
	facts: readonly ModuleFact[],
	people: ReadonlyMap<string, PersonFact>,
	today: IsoDate,
	opts: { population?: readonly string[]; extraCount?: number } = {}
): TargetResult {
	const tally = emptyTally();
	let passedFacts = 0;
	for (const f of facts) {
		tallyFact(tally, f, people.get(f.personId), today);
		if (f.passed) passedFacts++;
	}
	const population = new Set(opts.population ?? []);
	const passedPeople = new Set(facts.filter((f) => f.passed && population.has(f.personId)).map((f) => f.personId)).size;
	return targetResultOf(t, {
		tally,
		passedFacts,
		extraCount: opts.extraCount ?? 0,
		population: population.size,
		passedPeople
	});
}
