import { isInSubtree } from '../../domain/access';
import { evaluateTarget, groupSummaries, monthlyTrend, mostMissed, summarise, type Metric, type ScopeKind, type Summary } from '../../domain/metrics';
import type { ModuleFact } from '../../domain/report-facts';
import type { ReportPerson, YearData } from './year';
import * as m from '../../paraglide/messages';
import { getLocale, type Locale } from '../../paraglide/runtime';

export type TargetDef = { id: string; name: string; metric: Metric; scopeKind: ScopeKind; scopeValue: string; threshold: number; baseline: number | null; source: string | null };
export type CurriculumInfo = { name: string; slugs: string[] };
export type ModuleInfo = { slug: string; title: string; category: string; stems: Map<string, string> };

type Opts = { locale?: Locale };
const METRIC_MESSAGES: Record<Metric, (i: object, o: Opts) => string> = {
	comprehension_rate: m.report_metric_comprehension_rate,
	completion_rate: m.report_metric_completion_rate,
	person_count: m.report_metric_person_count,
	coverage: m.report_metric_coverage
};
const SCOPE_MESSAGES: Record<ScopeKind, (i: object, o: Opts) => string> = {
	all: m.report_scope_all,
	module: m.report_scope_module,
	category: m.report_scope_category,
	curriculum: m.report_scope_curriculum,
	tag: m.report_scope_tag
};
/** The metric names, in `locale` (the current request's by default). */
export const metricLabels = (locale: Locale = getLocale()) =>
	Object.fromEntries(Object.entries(METRIC_MESSAGES).map(([k, f]) => [k, f({}, { locale })])) as Record<Metric, string>;
/** The scope kinds' names, in `locale` (the current request's by default). */
export const scopeLabels = (locale: Locale = getLocale()) =>
	Object.fromEntries(Object.entries(SCOPE_MESSAGES).map(([k, f]) => [k, f({}, { locale })])) as Record<ScopeKind, string>;

/** The viewer's part of the organisation: null for everyone (HR, admin, executive), else unit paths. */
export type ViewScope = { paths: string[] | null };

const inView = (p: ReportPerson | undefined, scope: ViewScope) =>
	!!p && (scope.paths === null || (p.unitPath !== null && scope.paths.some((s) => isInSubtree(p.unitPath!, s))));

function modulesOf(kind: ScopeKind, value: string, modules: readonly ModuleInfo[], curricula: ReadonlyMap<string, CurriculumInfo>): Set<string> | null {
	if (kind === 'module') return new Set([value]);
	if (kind === 'category') return new Set(modules.filter((x) => x.category === value).map((x) => x.slug));
	if (kind === 'curriculum') return new Set(curricula.get(value)?.slugs ?? []);
	return null;
}

/** A target's facts, people and extra training, limited to its scope and the viewer's. */
function targetResult(t: TargetDef, data: YearData, scope: ViewScope, modules: readonly ModuleInfo[], curricula: ReadonlyMap<string, CurriculumInfo>) {
	const slugs = modulesOf(t.scopeKind, t.scopeValue, modules, curricula);
	const personOk = (p: ReportPerson | undefined) => inView(p, scope) && (t.scopeKind !== 'tag' || p!.tags.includes(t.scopeValue));
	const facts = data.facts.filter((f) => (slugs === null || slugs.has(f.moduleSlug)) && personOk(data.people.get(f.personId)));
	const exempt = new Set(facts.filter((f) => f.exempt).map((f) => f.personId));
	const population = [...data.people.values()].filter((p) => p.active && personOk(p) && !exempt.has(p.id)).map((p) => p.id);
	const extraCount = data.training.filter((r) => {
		if (!personOk(data.people.get(r.personId))) return false;
		if (t.scopeKind === 'category') return r.category === t.scopeValue;
		return t.scopeKind === 'all' || t.scopeKind === 'tag';
	}).length;
	return evaluateTarget(t, facts, data.people, data.today, { population, extraCount });
}

/** The dashboard's figures; its few labels are in `locale` (views are cached per locale). */
export function buildDashboard(data: YearData, targets: readonly TargetDef[], scope: ViewScope, modules: readonly ModuleInfo[], curricula: ReadonlyMap<string, CurriculumInfo>, locale: Locale = getLocale()) {
	const facts: ModuleFact[] = data.facts.filter((f) => inView(data.people.get(f.personId), scope));
	const today = data.today;
	const unitName = (id: string | null) => (id && data.units.get(id)?.name) || m.report_no_unit({}, { locale });
	const byUnit = groupSummaries(facts, data.people, (p) => p.unitId, today);
	const byDept = groupSummaries(facts, data.people, (p) => p.deptId, today);
	const sortKey = (id: string) => data.units.get(id)?.path ?? id;
	const depts = [...byDept.keys()].sort((a, b) => sortKey(a).localeCompare(sortKey(b))).map((id) => ({
		id, name: unitName(id), summary: byDept.get(id)!,
		sections: [...byUnit.keys()].filter((u) => (data.units.get(u)?.path ?? '').startsWith(`/${id}/`) && u !== id).sort((a, b) => sortKey(a).localeCompare(sortKey(b))).map((u) => ({ id: u, name: unitName(u), summary: byUnit.get(u)! }))
	}));
	const byGrade = [...groupSummaries(facts, data.people, (p) => p.jobGrade, today)].map(([grade, summary]) => ({ grade, summary }));
	const moduleTitle = new Map(modules.map((x) => [x.slug, x]));
	const byModule = [...groupSummariesByModule(facts, data, today)].map(([slug, summary]) => {
		const info = moduleTitle.get(slug);
		const missed = mostMissed(data.items.filter((i) => i.moduleSlug === slug), 3).map((i) => ({ ...i, stem: info?.stems.get(i.itemId) ?? i.itemId }));
		return { slug, title: info?.title ?? slug, summary, missed };
	}).sort((a, b) => a.title.localeCompare(b.title, 'ja'));
	const behind = behindList(facts, data, today);
	return {
		fiscalYear: data.fiscalYear,
		refDate: data.refDate,
		computedAt: data.computedAt,
		overall: summarise(facts, data.people, today),
		trend: monthlyTrend(facts, data.people, data.fiscalYear, today),
		targets: targets.map((t) => ({ ...t, metricLabel: METRIC_MESSAGES[t.metric]({}, { locale }), scopeLabel: scopeLabel(t, modules, curricula, locale), result: targetResult(t, data, scope, modules, curricula) })),
		depts,
		byGrade,
		byModule,
		behind
	};
}

function groupSummariesByModule(facts: readonly ModuleFact[], data: YearData, today: string): Map<string, Summary> {
	const groups = new Map<string, ModuleFact[]>();
	for (const f of facts) {
		let list = groups.get(f.moduleSlug);
		if (!list) groups.set(f.moduleSlug, (list = []));
		list.push(f);
	}
	return new Map([...groups].map(([slug, list]) => [slug, summarise(list, data.people, today)]));
}

/** The same order as localeCompare(…, 'ja'), without a collator per comparison (30,000 staff). */
const byKana = new Intl.Collator('ja');

/** 期限切れ and 未受講 staff, most overdue first; the lists a 課長 or HR chases. */
function behindList(facts: readonly ModuleFact[], data: YearData, today: string, limit = 100) {
	const rows = new Map<string, { overdue: string[]; notStarted: string[] }>();
	for (const f of facts) {
		const p = data.people.get(f.personId);
		if (!p?.active || !f.assigned || f.exempt || f.passed) continue;
		const r = rows.get(f.personId) ?? { overdue: [], notStarted: [] };
		if (f.dueDate !== null && f.dueDate < today) r.overdue.push(f.moduleSlug);
		else if (f.attempts === 0) r.notStarted.push(f.moduleSlug);
		else continue;
		rows.set(f.personId, r);
	}
	const all = [...rows].map(([id, r]) => {
		const p = data.people.get(id)!;
		return { id, name: p.name, kana: p.kana, employeeNo: p.employeeNo, unitName: data.units.get(p.unitPath?.split('/').filter(Boolean).at(-1) ?? '')?.name ?? '', ...r };
	});
	const overdue = all.filter((r) => r.overdue.length > 0).sort((a, b) => b.overdue.length - a.overdue.length || byKana.compare(a.kana, b.kana));
	const notStarted = all.filter((r) => r.overdue.length === 0 && r.notStarted.length > 0).sort((a, b) => byKana.compare(a.kana, b.kana));
	return { overdueCount: overdue.length, notStartedCount: notStarted.length, overdue: overdue.slice(0, limit), notStarted: notStarted.slice(0, limit) };
}

export function scopeLabel(t: Pick<TargetDef, 'scopeKind' | 'scopeValue'>, modules: readonly ModuleInfo[], curricula: ReadonlyMap<string, CurriculumInfo>, locale: Locale = getLocale()) {
	const o = { locale };
	const scope = SCOPE_MESSAGES[t.scopeKind]({}, o);
	if (t.scopeKind === 'all') return scope;
	if (t.scopeKind === 'curriculum') return m.report_scope_value({ scope, value: curricula.get(t.scopeValue)?.name ?? m.report_curriculum_deleted({}, o) }, o);
	if (t.scopeKind === 'module') return m.report_scope_value({ scope, value: modules.find((x) => x.slug === t.scopeValue)?.title ?? t.scopeValue }, o);
	return m.report_scope_value({ scope, value: t.scopeValue }, o);
}
