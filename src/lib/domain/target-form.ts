/**
 * The target editor's form, read and checked without a server. The scope's value comes from
 * the field that matches the chosen kind (a module, a category, a curriculum or a tag).
 */
import { thresholdProblem, type Metric, type ScopeKind } from './metrics.ts';
import * as m from '../paraglide/messages.js';

export const METRICS: readonly Metric[] = ['comprehension_rate', 'completion_rate', 'person_count', 'coverage'];
export const SCOPE_KINDS: readonly ScopeKind[] = ['all', 'module', 'category', 'curriculum', 'tag'];

export type TargetChoices = {
	modules: readonly string[];
	categories: readonly string[];
	curricula: readonly string[];
	years: readonly number[];
};
export type TargetValue = {
	name: string;
	metric: Metric;
	scopeKind: ScopeKind;
	scopeValue: string;
	fiscalYear: number;
	threshold: number;
	baseline: number | null;
	source: string | null;
};
export type TargetParse =
	{ ok: true; value: TargetValue } | { ok: false; fieldErrors: Record<string, string>; values: Record<string, string> };

const CONTROL = /[\u0000-\u001f\u007f]/;
const SCOPE_FIELD: Record<Exclude<ScopeKind, 'all'>, string> = {
	module: 'scopeModule',
	category: 'scopeCategory',
	curriculum: 'scopeCurriculum',
	tag: 'scopeTag'
};

function number(s: string): number {
	const t = s
		.normalize('NFKC')
		.replace(/[,，%％人]/g, '')
		.trim();
	return t === '' || !/^-?\d+(\.\d+)?$/.test(t) ? Number.NaN : Number(t);
}

export function parseTargetForm(get: (key: string) => string | undefined, c: TargetChoices): TargetParse {
	const keys = [
		'name',
		'metric',
		'scopeKind',
		'scopeModule',
		'scopeCategory',
		'scopeCurriculum',
		'scopeTag',
		'fiscalYear',
		'threshold',
		'baseline',
		'source'
	];
	const values = Object.fromEntries(keys.map((k) => [k, (get(k) ?? '').trim().slice(0, 200)]));
	const e: Record<string, string> = {};
	const name = values.name;
	if (!name) e.name = m.target_err_name_required();
	else if ((get('name') ?? '').trim().length > 100) e.name = m.form_err_name_too_long();
	else if (CONTROL.test(name)) e.name = m.form_err_name_control_chars();
	const metric = values.metric as Metric;
	if (!METRICS.includes(metric)) e.metric = m.target_err_metric();
	const scopeKind = values.scopeKind as ScopeKind;
	let scopeValue = '';
	if (!SCOPE_KINDS.includes(scopeKind)) e.scopeKind = m.target_err_scope_kind();
	else if (scopeKind !== 'all') {
		const field = SCOPE_FIELD[scopeKind];
		scopeValue = values[field];
		const allowed =
			scopeKind === 'module'
				? c.modules
				: scopeKind === 'category'
					? c.categories
					: scopeKind === 'curriculum'
						? c.curricula
						: null;
		if (!scopeValue) e[field] = m.target_err_scope_empty();
		else if (allowed && !allowed.includes(scopeValue)) e[field] = m.target_err_scope_unknown();
		else if (!allowed && (scopeValue.length > 30 || CONTROL.test(scopeValue))) e[field] = m.target_err_tag_too_long();
	}
	const fiscalYear = Number(values.fiscalYear);
	if (!c.years.includes(fiscalYear)) e.fiscalYear = m.target_err_fiscal_year();
	const threshold = number(values.threshold);
	if (!e.metric) {
		const problem = thresholdProblem(metric, threshold);
		if (problem) e.threshold = problem;
	}
	let baseline: number | null = null;
	if (values.baseline) {
		baseline = number(values.baseline);
		if (!Number.isFinite(baseline) || baseline < 0 || (metric !== 'person_count' && baseline > 100))
			e.baseline = m.target_err_baseline();
	}
	const source = values.source || null;
	if (source && CONTROL.test(source)) e.source = m.target_err_source_control_chars();
	if (Object.keys(e).length) return { ok: false, fieldErrors: e, values };
	return { ok: true, value: { name, metric, scopeKind, scopeValue, fiscalYear, threshold, baseline, source } };
}
