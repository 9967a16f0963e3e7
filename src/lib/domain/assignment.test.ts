import { describe, expect, it } from 'vitest';
import {
	assignmentStatus,
	computeDueDate,
	isNewHire,
	matchesRule,
	passCounts,
	periodKey,
	summarise,
	type StaffFacts
} from './assignment.ts';

const staff = (over: Partial<StaffFacts> = {}): StaffFacts => ({
	id: 'p1',
	active: true,
	jobGrade: '主事',
	tags: ['窓口'],
	unitPaths: ['/shimin/koseki/'],
	employmentType: 'regular',
	hireDate: '2020-04-01',
	transferDate: null,
	...over
});

describe('matchesRule', () => {
	const today = '2026-05-01';
	it.each([
		['everyone (no criteria)', {}, staff(), true],
		['an inactive person is never covered', {}, staff({ active: false }), false],
		['someone whose first day is ahead is not covered yet', {}, staff({ hireDate: '2026-05-02' }), false],
		['covered from their first day', {}, staff({ hireDate: '2026-05-01' }), true],
		['職階 in the list', { jobGrades: ['課長', '主事'] }, staff(), true],
		['職階 not in the list', { jobGrades: ['課長'] }, staff(), false],
		['any of the tags', { tagsAny: ['個人情報取扱者', '窓口'] }, staff(), true],
		['none of the tags', { tagsAny: ['DX推進員'] }, staff(), false],
		['unit subtree', { unitPaths: ['/shimin/'] }, staff(), true],
		['another subtree', { unitPaths: ['/kenko/'] }, staff(), false],
		['employment type', { employmentTypes: ['part_time_fy'] }, staff(), false],
		['hired 30 days ago, within 30', { hiredWithinDays: 30 }, staff({ hireDate: '2026-04-01' }), true],
		['hired 31 days ago, not within 30', { hiredWithinDays: 30 }, staff({ hireDate: '2026-03-31' }), false],
		['hired in the future (not yet started)', { hiredWithinDays: 30 }, staff({ hireDate: '2026-06-01' }), false],
		['all criteria must hold', { jobGrades: ['主事'], tagsAny: ['DX推進員'] }, staff(), false],
		['a promotion changes what matches', { jobGrades: ['課長'] }, staff({ jobGrade: '課長' }), true]
	] as const)('%s', (_label, criteria, s, expected) => expect(matchesRule(criteria, s, today)).toBe(expected));
});

describe('computeDueDate', () => {
	it.each([
		['fixed date', { kind: 'fixed', date: '2026-12-25' }, staff(), '2026-12-25'],
		['30 days after hire', { kind: 'after_hire', days: 30 }, staff({ hireDate: '2026-04-01' }), '2026-05-01'],
		[
			'30 days after hire across a leap day',
			{ kind: 'after_hire', days: 30 },
			staff({ hireDate: '2028-02-15' }),
			'2028-03-16'
		],
		[
			'30 days after transfer',
			{ kind: 'after_transfer', days: 30 },
			staff({ transferDate: '2026-10-01' }),
			'2026-10-31'
		],
		[
			'after transfer, never transferred: from hire',
			{ kind: 'after_transfer', days: 10 },
			staff({ hireDate: '2026-04-01' }),
			'2026-04-11'
		],
		['end of the 年度', { kind: 'fiscal_year_end' }, staff(), '2027-03-31']
	] as const)('%s', (_label, due, s, expected) => expect(computeDueDate(due, s, 2026)).toBe(expected));

	it.each([
		[
			'a new hire assigned on time keeps the date counted from hire',
			{ kind: 'after_hire', days: 30 },
			staff({ hireDate: '2026-04-01' }),
			'2026-04-10',
			'2026-05-01'
		],
		[
			'long-serving staff newly covered get the same window from today',
			{ kind: 'after_transfer', days: 60 },
			staff({ hireDate: '2016-04-01' }),
			'2026-11-23',
			'2027-01-22'
		],
		[
			'the window from today crosses the 年度 boundary',
			{ kind: 'after_hire', days: 30 },
			staff({ hireDate: '2020-04-01' }),
			'2027-03-15',
			'2027-04-14'
		],
		['a fixed date is kept as given', { kind: 'fixed', date: '2026-12-25' }, staff(), '2026-12-26', '2026-12-25']
	] as const)('assigned on a later day: %s', (_label, due, s, today, expected) =>
		expect(computeDueDate(due, s, 2026, today)).toBe(expected)
	);
});

describe('periods and passes', () => {
	it('keys an annual assignment by 年度, honouring the April boundary', () => {
		expect(periodKey('every_fiscal_year', '2027-03-31', '1.0.0')).toBe('fy:2026');
		expect(periodKey('every_fiscal_year', '2027-04-01', '1.0.0')).toBe('fy:2027');
		expect(periodKey('on_new_version', '2027-04-01', '2.0.0')).toBe('v:2.0.0');
		expect(periodKey('once', '2027-04-01', '2.0.0')).toBe('once');
	});

	it('counts a pass only in its own 年度 or version for recurring assignments', () => {
		expect(passCounts('every_fiscal_year', 'fy:2026', { date: '2026-06-01', moduleVersion: '1.0.0' })).toBe(true);
		expect(passCounts('every_fiscal_year', 'fy:2026', { date: '2026-03-31', moduleVersion: '1.0.0' })).toBe(false);
		expect(passCounts('on_new_version', 'v:2.0.0', { date: '2026-06-01', moduleVersion: '1.0.0' })).toBe(false);
		expect(passCounts('once', 'once', { date: '2010-06-01', moduleVersion: '0.1.0' })).toBe(true);
	});
});

describe('assignmentStatus', () => {
	const base = { dueDate: '2027-03-31', today: '2026-11-23', passed: false, started: false, exemptions: [] };
	it.each([
		['not started', {}, 'not_started'],
		['started', { started: true }, 'in_progress'],
		['passed', { passed: true, started: true }, 'passed'],
		['passed late is still passed', { passed: true, today: '2027-04-10' }, 'passed'],
		['due today is not yet overdue', { today: '2027-03-31' }, 'not_started'],
		['the day after the due date', { today: '2027-04-01', started: true }, 'overdue'],
		['exempt now (育休)', { exemptions: [{ from: '2026-10-01', to: '2027-09-30' }] }, 'exempt'],
		[
			'an exemption covering the due date keeps them off the overdue list',
			{ today: '2027-04-05', exemptions: [{ from: '2027-03-01', to: '2027-03-31' }] },
			'exempt'
		],
		[
			'an exemption that ended before the due date does not',
			{ today: '2027-04-05', exemptions: [{ from: '2026-04-01', to: '2026-06-30' }] },
			'overdue'
		]
	] as const)('%s → %s', (_label, over, expected) => expect(assignmentStatus({ ...base, ...over })).toBe(expected));
});

describe('summarise and isNewHire', () => {
	it('counts mandatory passes, overdue and open items; exempt items are neither open nor owed', () => {
		expect(
			summarise([
				{ mandatory: true, status: 'passed' },
				{ mandatory: true, status: 'overdue' },
				{ mandatory: true, status: 'exempt' },
				{ mandatory: false, status: 'in_progress' }
			])
		).toEqual({ mandatory: 2, mandatoryPassed: 1, overdue: 1, open: 2 });
		expect(summarise([])).toEqual({ mandatory: 0, mandatoryPassed: 0, overdue: 0, open: 0 });
	});

	it('treats staff hired in the last 365 days as new hires, across a leap day', () => {
		expect(isNewHire('2027-04-01', '2027-04-01')).toBe(true);
		expect(isNewHire('2027-04-02', '2027-04-01')).toBe(false);
		expect(isNewHire('2027-04-01', '2028-03-31')).toBe(true);
		expect(isNewHire('2027-04-01', '2028-04-01')).toBe(false);
	});
});
