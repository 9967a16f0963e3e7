import { isInSubtree, unitIdOfPath } from '../../domain/unit-path.ts';
import { emptyTally, summaryOf, tallyFact, targetResultOf, type ScopeKind, type Tally } from '../../domain/metrics.ts';
import { emptyTrend, mostMissed, trendFact, trendOf } from '../../domain/trend.ts';
import { JOB_GRADES } from '../../domain/labels.ts';
import type { ModuleFact } from '../../domain/report-facts.ts';
import type { ReportPerson, YearData } from './year.ts';
import {
	metricLabel,
	scopeData,
	scopeLabel,
	type CurriculumInfo,
	type ModuleInfo,
	type TargetDef
} from './target-labels.ts';
import * as m from '../../paraglide/messages.js';
import { getLocale, type Locale } from '../../paraglide/runtime.js';

/** The viewer's part of the organisation: null for everyone (HR, admin, executive), else unit paths. */
export type ViewScope = { paths: string[] | null };

const inView = (p: ReportPerson | undefined, scope: ViewScope) =>
	!!p && (scope.paths === null || (p.unitPath !== null && scope.paths.some((s) => isInSubtree(p.unitPath!, s))));

function modulesOf(
	kind: ScopeKind,
	value: string,
	modules: readonly ModuleInfo[],
	curricula: ReadonlyMap<string, CurriculumInfo>
): Set<string> | null {
	if (kind === 'module') return new Set([value]);
	if (kind === 'category') return new Set(modules.filter((x) => x.category === value).map((x) => x.slug));
	if (kind === 'curriculum') return new Set(curricula.get(value)?.slugs ?? []);
	return null;
}

/** The dashboard's figures for facts held all at once (the evidence pack's view); see `dashboardTally`. */
export function buildDashboard(
	data: YearData,
	targets: readonly TargetDef[],
	scope: ViewScope,
	modules: readonly ModuleInfo[],
	curricula: ReadonlyMap<string, CurriculumInfo>,
	locale: Locale = getLocale()
) {
	const tally = dashboardTally(data, targets, scope, modules, curricula, locale);
	tally.add(data.facts);
	return tally.finish();
}

type BehindRow = {
	id: string;
	name: string;
	kana: string;
	employeeNo: string;
	unitName: string;
	overdue: string[];
	notStarted: string[];
};

const grow = <K>(groups: Map<K, Tally>, key: K): Tally => {
	let t = groups.get(key);
	if (!t) groups.set(key, (t = emptyTally()));
	return t;
};

/**
 * The dashboard's figures, summed as facts arrive: `add` takes facts a page of staff at a time
 * (every fact of a person in the same call, since coverage and the 未受講 lists are per person)
 * and keeps only sums, so memory does not grow with staff × modules; `finish` gives the view.
 * Its few labels are in `locale` (views are cached per locale).
 */
export function dashboardTally(
	data: Omit<YearData, 'facts'>,
	targets: readonly TargetDef[],
	scope: ViewScope,
	modules: readonly ModuleInfo[],
	curricula: ReadonlyMap<string, CurriculumInfo>,
	locale: Locale = getLocale()
) {
	const { today, people } = data;
	const overall = emptyTally();
	const trend = emptyTrend();
	const byUnit = new Map<string, Tally>();
	const byDept = new Map<string, Tally>();
	const byGrade = new Map<string, Tally>();
	const byModule = new Map<string, Tally>();
	const behind: BehindRow[] = [];
	const unitName = (id: string | null) => (id && data.units.get(id)?.name) || m.report_no_unit({}, { locale });
	const perTarget = targets.map((t) => {
		const slugs = modulesOf(t.scopeKind, t.scopeValue, modules, curricula);
		const personOk = (p: ReportPerson | undefined): p is ReportPerson =>
			inView(p, scope) && (t.scopeKind !== 'tag' || p!.tags.includes(t.scopeValue));
		return { t, slugs, personOk, tally: emptyTally(), passedFacts: 0, exemptPeople: 0, passedPeople: 0 };
	});

	function add(facts: readonly ModuleFact[]) {
		const rows = new Map<string, BehindRow>();
		const exempt = perTarget.map(() => new Set<string>());
		const passed = perTarget.map(() => new Set<string>());
		for (const f of facts) {
			const p = people.get(f.personId);
			if (!inView(p, scope)) continue;
			tallyFact(overall, f, p, today);
			trendFact(trend, f, p!, data.fiscalYear);
			if (p!.unitId !== null) tallyFact(grow(byUnit, p!.unitId), f, p, today);
			if (p!.deptId !== null) tallyFact(grow(byDept, p!.deptId), f, p, today);
			tallyFact(grow(byGrade, p!.jobGrade), f, p, today);
			tallyFact(grow(byModule, f.moduleSlug), f, p, today);
			for (const [k, x] of perTarget.entries()) {
				if ((x.slugs !== null && !x.slugs.has(f.moduleSlug)) || !x.personOk(p)) continue;
				tallyFact(x.tally, f, p, today);
				if (f.exempt) exempt[k].add(f.personId);
				if (f.passed) {
					x.passedFacts++;
					passed[k].add(f.personId);
				}
			}
			// 期限切れ and 未受講: the lists a 課長 or HR chases
			if (!p!.active || !f.assigned || f.exempt || f.passed) continue;
			const overdue = f.dueDate !== null && f.dueDate < today;
			if (!overdue && f.attempts > 0) continue;
			let r = rows.get(f.personId);
			if (!r)
				rows.set(
					f.personId,
					(r = {
						id: p!.id,
						name: p!.name,
						kana: p!.kana,
						employeeNo: p!.employeeNo,
						unitName: data.units.get(unitIdOfPath(p!.unitPath ?? ''))?.name ?? '',
						overdue: [],
						notStarted: []
					})
				);
			(overdue ? r.overdue : r.notStarted).push(f.moduleSlug);
		}
		// coverage: the active staff in scope who are exempt leave the population; the rest who passed something count
		for (const [k, x] of perTarget.entries()) {
			for (const id of exempt[k]) if (people.get(id)!.active) x.exemptPeople++;
			for (const id of passed[k]) if (people.get(id)!.active && !exempt[k].has(id)) x.passedPeople++;
		}
		for (const r of rows.values()) {
			r.overdue.sort();
			r.notStarted.sort();
			behind.push(r);
		}
	}

	function finish() {
		const summaries = (groups: Map<string, Tally>) => new Map([...groups].map(([k, t]) => [k, summaryOf(t)]));
		const units = summaries(byUnit);
		const sortKey = (id: string) => data.units.get(id)?.path ?? id;
		const byPath = (a: string, b: string) => sortKey(a).localeCompare(sortKey(b));
		const depts = [...summaries(byDept)]
			.sort(([a], [b]) => byPath(a, b))
			.map(([id, summary]) => ({
				id,
				name: unitName(id),
				summary,
				sections: [...units.keys()]
					.filter((u) => isInSubtree(data.units.get(u)?.path ?? '', `/${id}/`) && u !== id)
					.sort(byPath)
					.map((u) => ({ id: u, name: unitName(u), summary: units.get(u)! }))
			}));
		const moduleTitle = new Map(modules.map((x) => [x.slug, x]));
		const moduleRows = [...summaries(byModule)]
			.map(([slug, summary]) => {
				const info = moduleTitle.get(slug);
				const missed = mostMissed(
					data.items.filter((i) => i.moduleSlug === slug),
					3
				).map((i) => ({ ...i, stem: info?.stems.get(i.itemId) ?? i.itemId }));
				return { slug, title: info?.title ?? slug, summary, missed };
			})
			.sort((a, b) => a.title.localeCompare(b.title, 'ja') || a.slug.localeCompare(b.slug));
		return {
			fiscalYear: data.fiscalYear,
			refDate: data.refDate,
			computedAt: data.computedAt,
			overall: summaryOf(overall),
			trend: trendOf(trend, data.fiscalYear, today),
			targets: perTarget.map((x) => ({
				...x.t,
				metricLabel: metricLabel(x.t.metric, locale),
				scopeLabel: scopeLabel(x.t, modules, curricula, locale),
				scopeData: scopeData(x.t, modules, curricula),
				result: targetResult(x)
			})),
			depts,
			// 職階 from the top (部長) down; a municipality's own grades after, in 五十音 order
			byGrade: [...summaries(byGrade)]
				.map(([grade, summary]) => ({ grade, summary }))
				.sort((a, b) => gradeRank(a.grade) - gradeRank(b.grade) || byKana.compare(a.grade, b.grade)),
			byModule: moduleRows,
			behind: behindLists(behind)
		};
	}

	/** A target's actual: its sums, the extra training in its scope, and its population of active staff. */
	function targetResult(x: (typeof perTarget)[number]) {
		const { t, personOk } = x;
		let population = -x.exemptPeople;
		for (const p of people.values()) if (p.active && personOk(p)) population++;
		const extraCount = data.training.filter((r) => {
			if (!personOk(people.get(r.personId))) return false;
			if (t.scopeKind === 'category') return r.category === t.scopeValue;
			return t.scopeKind === 'all' || t.scopeKind === 'tag';
		}).length;
		return targetResultOf(t, {
			tally: x.tally,
			passedFacts: x.passedFacts,
			extraCount,
			population,
			passedPeople: x.passedPeople
		});
	}

	return { add, finish };
}

const gradeRank = (grade: string) => {
	const i = (JOB_GRADES as readonly string[]).indexOf(grade);
	return i < 0 ? JOB_GRADES.length : i;
};

/** The same order as localeCompare(…, 'ja'), without a collator per comparison (30,000 staff). */
const byKana = new Intl.Collator('ja');

/** 期限切れ and 未受講 staff, most overdue first, then by フリガナ (and 職員番号 between namesakes). */
function behindLists(rows: BehindRow[], limit = 100) {
	const byName = (a: BehindRow, b: BehindRow) =>
		byKana.compare(a.kana, b.kana) || a.employeeNo.localeCompare(b.employeeNo);
	const overdue = rows
		.filter((r) => r.overdue.length > 0)
		.sort((a, b) => b.overdue.length - a.overdue.length || byName(a, b));
	const notStarted = rows.filter((r) => r.overdue.length === 0 && r.notStarted.length > 0).sort(byName);
	return {
		overdueCount: overdue.length,
		notStartedCount: notStarted.length,
		overdue: overdue.slice(0, limit),
		notStarted: notStarted.slice(0, limit)
	};
}
