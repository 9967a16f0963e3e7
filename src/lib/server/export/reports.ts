import { formatFiscalYear } from '../../domain/japanese-date.ts';
import type { Summary } from '../../domain/metrics.ts';
import type { Cell } from './csv.ts';
import type { buildDashboard } from '../reports/dashboard.ts';
import * as m from '../../paraglide/messages.js';

type View = ReturnType<typeof buildDashboard>;

export const UNIT_SUMMARY_HEADER = [
	'年度',
	'部',
	'課',
	'対象',
	'合格',
	'修了率(%)',
	'期限切れ',
	'未着手',
	'免除',
	'受講者',
	'初回の理解度(%)',
	'最高の理解度(%)'
];
const summaryCells = (s: Summary): Cell[] => [
	s.assigned,
	s.passed,
	s.completionRate,
	s.overdue,
	s.notStarted,
	s.exempt,
	s.attempted,
	s.firstAttemptRate,
	s.bestAttemptRate
];

/** 課別集計: a row per 部 (課 empty) and per 課, the numbers of the dashboard's table. */
export function unitSummaryRows(v: View): Cell[][] {
	const fy = formatFiscalYear(v.fiscalYear);
	return v.depts.flatMap((d) => [
		[fy, d.name, '', ...summaryCells(d.summary)],
		...d.sections.map((s) => [fy, d.name, s.name, ...summaryCells(s.summary)])
	]);
}

export const TARGET_HEADER = [
	'年度',
	'目標',
	'出典',
	'指標',
	'対象',
	'目標値',
	'基準値',
	'実績',
	'分子',
	'分母',
	'判定'
];

export function targetRows(v: View): Cell[][] {
	const fy = formatFiscalYear(v.fiscalYear);
	return v.targets.map((t) => [
		fy,
		t.name,
		t.source,
		t.metricLabel,
		t.scopeLabel,
		t.threshold,
		t.baseline,
		t.result.actual,
		t.result.numerator,
		t.result.denominator,
		t.result.empty ?? (t.result.met ? m.report_target_met() : m.report_target_not_met())
	]);
}
