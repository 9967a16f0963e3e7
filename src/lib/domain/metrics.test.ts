import { describe, expect, it } from 'vitest';

import { evaluateTarget, groupSummaries, summarise, thresholdProblem } from './metrics.ts';
import { buildFacts } from './report-facts.ts';

import { TODAY, person, people, annual, result } from './metrics-fixtures.ts';

describe('buildFacts and summarise: who counts', () => {
	it.each([
		{
			case: 'assigned and passed on the first attempt',
			a: [annual('p1')],
			r: [result('p1', true, '2026-06-01')],
			e: [],
			ps: [person('p1')],
			expected: {
				assigned: 1,
				passed: 1,
				attempted: 1,
				passedFirst: 1,
				passedBest: 1,
				completionRate: 100,
				firstAttemptRate: 100
			}
		},
		{
			case: 'a retake: failed first, passed later (best counts, first is shown beside it)',
			a: [annual('p1')],
			r: [result('p1', false, '2026-06-01'), result('p1', true, '2026-06-02')],
			e: [],
			ps: [person('p1')],
			expected: {
				assigned: 1,
				passed: 1,
				attempted: 1,
				passedFirst: 0,
				passedBest: 1,
				firstAttemptRate: 0,
				bestAttemptRate: 100
			}
		},
		{
			case: 'an exemption leaves the denominator',
			a: [annual('p1'), annual('p2')],
			r: [result('p1', true, '2026-06-01')],
			e: [{ personId: 'p2', moduleSlug: null, from: '2026-10-01', to: '2027-09-30' }],
			ps: [person('p1'), person('p2')],
			expected: { assigned: 1, passed: 1, exempt: 1, completionRate: 100 }
		},
		{
			case: 'an exemption for another module changes nothing',
			a: [annual('p2')],
			r: [],
			e: [{ personId: 'p2', moduleSlug: 'onboarding', from: '2026-10-01', to: '2027-09-30' }],
			ps: [person('p2')],
			expected: { assigned: 1, passed: 0, exempt: 0, notStarted: 1, completionRate: 0 }
		},
		{
			case: 'staff who left without passing leave the denominator; those who passed stay',
			a: [annual('p1'), annual('p2')],
			r: [result('p1', true, '2026-05-01')],
			e: [],
			ps: [person('p1', { active: false }), person('p2', { active: false })],
			expected: { assigned: 1, passed: 1, completionRate: 100 }
		},
		{
			case: 'a new hire assigned mid-年度 counts from their assignment',
			a: [
				annual('p1'),
				annual('p9', { moduleSlug: 'onboarding', dueDate: '2026-11-30', recurrence: 'once', periodKey: 'once' })
			],
			r: [],
			e: [],
			ps: [person('p1'), person('p9')],
			expected: { assigned: 2, passed: 0, notStarted: 2, completionRate: 0 }
		},
		{
			case: 'past due without a pass is overdue',
			a: [annual('p1', { dueDate: '2026-10-31' })],
			r: [result('p1', false, '2026-10-01')],
			e: [],
			ps: [person('p1')],
			expected: { assigned: 1, overdue: 1, notStarted: 0, attempted: 1, completionRate: 0 }
		},
		{
			case: 're-attestation: a pass of the old version does not satisfy the new version’s assignment',
			a: [annual('p1', { recurrence: 'on_new_version', periodKey: 'v:2.0.0' })],
			r: [result('p1', true, '2026-05-01', { moduleVersion: '1.0.0' })],
			e: [],
			ps: [person('p1')],
			expected: { assigned: 1, passed: 0, attempted: 1, passedBest: 1, completionRate: 0 }
		},
		{
			case: 'assigned twice (two curricula, or also by hand) counts once',
			a: [annual('p1'), annual('p1', { recurrence: 'once', periodKey: 'once', dueDate: '2026-12-31' })],
			r: [result('p1', true, '2026-06-01')],
			e: [],
			ps: [person('p1')],
			expected: { assigned: 1, passed: 1, completionRate: 100 }
		},
		{
			case: 'learning nobody assigned counts for comprehension but not completion',
			a: [],
			r: [result('p1', true, '2026-06-01')],
			e: [],
			ps: [person('p1')],
			expected: { assigned: 0, attempted: 1, passedBest: 1, completionRate: null, bestAttemptRate: 100 }
		}
	])('$case', ({ a, r, e, ps, expected }) => {
		const facts = buildFacts(a, r, e, TODAY);
		expect(summarise(facts, people(...ps), TODAY)).toMatchObject(expected);
	});
});

describe('groups and targets', () => {
	const ps = people(
		person('p1'),
		person('p2', { unitId: 'zeimu', deptId: 'somubu', jobGrade: '課長' }),
		person('p3', { unitId: 'zeimu', deptId: 'somubu' })
	);
	const facts = buildFacts(
		[annual('p1'), annual('p2'), annual('p3')],
		[result('p1', true, '2026-05-10'), result('p2', false, '2026-07-01'), result('p2', true, '2026-07-02')],
		[],
		TODAY
	);

	it('counts each person in the unit they belonged to on the reference date (a mid-年度 transfer moves with them)', () => {
		const byUnit = groupSummaries(facts, ps, (p) => p.unitId, TODAY);
		expect(byUnit.get('shimin')).toMatchObject({ assigned: 1, passed: 1 });
		expect(byUnit.get('zeimu')).toMatchObject({ assigned: 2, passed: 1, completionRate: 50 });
		const byGrade = groupSummaries(facts, ps, (p) => p.jobGrade, TODAY);
		expect(byGrade.get('課長')).toMatchObject({ assigned: 1, passed: 1, firstAttemptRate: 0 });
	});

	it.each([
		{
			t: { metric: 'completion_rate' as const, threshold: 100, baseline: null },
			expected: { actual: 66.7, numerator: 2, denominator: 3, met: false }
		},
		{
			t: { metric: 'comprehension_rate' as const, threshold: 100, baseline: 90 },
			expected: { actual: 100, numerator: 2, denominator: 2, met: true }
		},
		{
			t: { metric: 'person_count' as const, threshold: 5, baseline: null },
			expected: { actual: 5, numerator: 5, denominator: null, met: true }
		},
		{
			t: { metric: 'coverage' as const, threshold: 100, baseline: null },
			expected: { actual: 50, numerator: 2, denominator: 4, met: false }
		}
	])('$t.metric', ({ t, expected }) => {
		const r = evaluateTarget(t, facts, ps, TODAY, { population: ['p1', 'p2', 'p3', 'p4'], extraCount: 3 });
		expect(r).toMatchObject({ ...expected, empty: null });
	});

	it('a 年度 with no data gives a message, not a broken number', () => {
		const r = evaluateTarget({ metric: 'comprehension_rate', threshold: 100, baseline: null }, [], ps, TODAY);
		expect(r).toEqual({
			actual: null,
			numerator: 0,
			denominator: 0,
			met: false,
			empty: 'この年度にはまだ誰も理解度確認を受けていません。'
		});
		expect(evaluateTarget({ metric: 'coverage', threshold: 100, baseline: null }, [], ps, TODAY).empty).toBe(
			'対象となる在職者がいません。'
		);
	});

	it.each([
		['completion_rate', 100, null],
		['completion_rate', 0, '率の目標は0より大きく100以下（%）で入力してください。'],
		['comprehension_rate', 120, '率の目標は0より大きく100以下（%）で入力してください。'],
		['person_count', 1000, null],
		['person_count', 10.5, '延べ人数の目標は1以上の整数で入力してください。'],
		['coverage', Number.NaN, '目標値を数値で入力してください。']
	] as const)('threshold %s %s → %s', (metric, threshold, problem) =>
		expect(thresholdProblem(metric, threshold)).toBe(problem)
	);
});
