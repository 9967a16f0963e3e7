/** Facts the metrics tests build their cases from. */
import { type AssignmentRow, type PersonFact, type ResultRow } from './report-facts.ts';

export const TODAY = '2026-11-23';
export const person = (id: string, over: Partial<PersonFact> = {}): PersonFact => ({
	id,
	active: true,
	unitId: 'shimin',
	deptId: 'shiminbu',
	jobGrade: '主事',
	tags: [],
	...over
});
export const people = (...ps: PersonFact[]) => new Map(ps.map((p) => [p.id, p]));
export const annual = (personId: string, over: Partial<AssignmentRow> = {}): AssignmentRow => ({
	personId,
	moduleSlug: 'security-policy',
	mandatory: true,
	dueDate: '2027-03-31',
	recurrence: 'every_fiscal_year',
	periodKey: 'fy:2026',
	...over
});
export const result = (
	personId: string,
	passed: boolean,
	submittedOn: string,
	over: Partial<ResultRow> = {}
): ResultRow => ({
	personId,
	moduleSlug: 'security-policy',
	moduleVersion: '1.0.0',
	passed,
	score: passed ? 9 : 5,
	maxScore: 10,
	submittedOn,
	...over
});
