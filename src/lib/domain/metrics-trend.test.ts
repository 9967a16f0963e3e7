import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '../paraglide/runtime.js';
import { thresholdProblem } from './metrics.ts';
import { monthlyTrend, mostMissed } from './trend.ts';
import { buildFacts, factStatus, mergeFacts, type ModuleFact } from './report-facts.ts';

import { TODAY, person, people, annual, result } from './metrics-fixtures.ts';

describe('trend and most-missed questions', () => {
	it('accumulates passes month by month and leaves future months empty', () => {
		const ps = people(person('p1'), person('p2'));
		const facts = buildFacts(
			[annual('p1'), annual('p2')],
			[result('p1', true, '2026-05-10'), result('p2', true, '2026-11-02')],
			[],
			TODAY
		);
		const trend = monthlyTrend(facts, ps, 2026, TODAY);
		expect(trend.map((m) => m.label)).toEqual([
			'4月',
			'5月',
			'6月',
			'7月',
			'8月',
			'9月',
			'10月',
			'11月',
			'12月',
			'1月',
			'2月',
			'3月'
		]);
		expect(trend.map((m) => m.passed)).toEqual([0, 1, 1, 1, 1, 1, 1, 2, null, null, null, null]);
		expect(trend[1]).toMatchObject({ end: '2026-05-31', rate: 50 });
		expect(trend[10].end).toBe('2027-02-28');
	});

	it('ranks questions by how often they are missed', () => {
		expect(
			mostMissed([
				{ itemId: 'q1', answered: 10, wrong: 1 },
				{ itemId: 'q2', answered: 10, wrong: 6 },
				{ itemId: 'q3', answered: 0, wrong: 0 },
				{ itemId: 'q4', answered: 4, wrong: 0 }
			])
		).toEqual([
			{ itemId: 'q2', answered: 10, wrong: 6, missRate: 60 },
			{ itemId: 'q1', answered: 10, wrong: 1, missRate: 10 }
		]);
	});

	it('merging keeps the strongest state of a module assigned twice', () => {
		const f = (over: Partial<ModuleFact>): ModuleFact => ({
			personId: 'p1',
			moduleSlug: 'm',
			assigned: true,
			mandatory: false,
			exempt: true,
			dueDate: '2027-03-31',
			attempts: 0,
			firstPassed: false,
			passedAny: false,
			passed: false,
			passedOn: null,
			bestScorePct: null,
			...over
		});
		expect(mergeFacts([f({}), f({ mandatory: true, exempt: false, dueDate: '2026-12-01', bestScorePct: 40 })])).toEqual(
			[f({ mandatory: true, exempt: false, dueDate: '2026-12-01', bestScorePct: 40 })]
		);
	});
});

describe('factStatus', () => {
	const f = (over: Partial<ModuleFact>): ModuleFact => ({
		personId: 'p1',
		moduleSlug: 'm',
		assigned: true,
		mandatory: true,
		exempt: false,
		dueDate: '2026-12-31',
		attempts: 0,
		firstPassed: false,
		passedAny: false,
		passed: false,
		passedOn: null,
		bestScorePct: null,
		...over
	});
	it.each([
		[{ passed: true, exempt: true }, false, 'passed'],
		[{ exempt: true, dueDate: '2026-01-01' }, false, 'exempt'],
		[{ dueDate: '2026-11-22' }, true, 'overdue'],
		[{ attempts: 1 }, false, 'in_progress'],
		[{}, true, 'in_progress'],
		[{}, false, 'not_started']
	] as const)('%j reading=%s → %s', (over, reading, expected) =>
		expect(factStatus(f(over), TODAY, reading)).toBe(expected)
	);
});

describe('messages for an English reader', () => {
	const base = getLocale;
	afterEach(() => overwriteGetLocale(base));

	it('names the months and explains a bad threshold in English', () => {
		overwriteGetLocale(() => 'en');
		const trend = monthlyTrend([], people(person('p1')), 2026, TODAY);
		expect(trend.map((m) => m.label)).toEqual([
			'Apr',
			'May',
			'Jun',
			'Jul',
			'Aug',
			'Sep',
			'Oct',
			'Nov',
			'Dec',
			'Jan',
			'Feb',
			'Mar'
		]);
		expect(thresholdProblem('person_count', 10.5)).toBe(
			'A target for total participants must be a whole number of 1 or more.'
		);
		overwriteGetLocale(base);
		expect(monthlyTrend([], people(person('p1')), 2026, TODAY)[0].label).toBe('4月');
	});
});
