/**
 * How a target is named for a reader: its metric, its scope and the data in that scope (a
 * module's title, a curriculum's name). Shared by the dashboard, the targets page and exports.
 */
import type { Metric, ScopeKind } from '../../domain/metrics.ts';
import * as m from '../../paraglide/messages.js';
import { getLocale, type Locale } from '../../paraglide/runtime.js';

export type TargetDef = {
	id: string;
	name: string;
	metric: Metric;
	scopeKind: ScopeKind;
	scopeValue: string;
	threshold: number;
	baseline: number | null;
	source: string | null;
};
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
/** One metric's name, in `locale` (the current request's by default). */
export const metricLabel = (metric: Metric, locale: Locale = getLocale()) => METRIC_MESSAGES[metric]({}, { locale });
/** The metric names, in `locale` (the current request's by default). */
export const metricLabels = (locale: Locale = getLocale()) =>
	Object.fromEntries(Object.entries(METRIC_MESSAGES).map(([k, f]) => [k, f({}, { locale })])) as Record<Metric, string>;
/** The scope kinds' names, in `locale` (the current request's by default). */
export const scopeLabels = (locale: Locale = getLocale()) =>
	Object.fromEntries(Object.entries(SCOPE_MESSAGES).map(([k, f]) => [k, f({}, { locale })])) as Record<
		ScopeKind,
		string
	>;

/**
 * The data in a target's scope, as the reader sees it: a module's title, a curriculum's name, a
 * category or a tag (Japanese data, marked as such on the page); null for all training and for a
 * curriculum that was deleted (its label is the app's own text).
 */
export function scopeData(
	t: Pick<TargetDef, 'scopeKind' | 'scopeValue'>,
	modules: readonly ModuleInfo[],
	curricula: ReadonlyMap<string, CurriculumInfo>
): string | null {
	if (t.scopeKind === 'all') return null;
	if (t.scopeKind === 'curriculum') return curricula.get(t.scopeValue)?.name ?? null;
	if (t.scopeKind === 'module') return modules.find((x) => x.slug === t.scopeValue)?.title ?? t.scopeValue;
	return t.scopeValue;
}

export function scopeLabel(
	t: Pick<TargetDef, 'scopeKind' | 'scopeValue'>,
	modules: readonly ModuleInfo[],
	curricula: ReadonlyMap<string, CurriculumInfo>,
	locale: Locale = getLocale()
) {
	const o = { locale };
	const scope = SCOPE_MESSAGES[t.scopeKind]({}, o);
	if (t.scopeKind === 'all') return scope;
	return m.report_scope_value(
		{ scope, value: scopeData(t, modules, curricula) ?? m.report_curriculum_deleted({}, o) },
		o
	);
}
