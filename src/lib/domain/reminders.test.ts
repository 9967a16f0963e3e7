import { describe, expect, it } from 'vitest';
import { remindersDue, weekStart, type OpenItem } from './reminders.ts';

const today = '2026-11-23';
const item = (id: string, dueDate: string, status: OpenItem['status'] = 'not_started'): OpenItem => ({
	assignmentId: id,
	personId: 'p1',
	title: `教材${id}`,
	dueDate,
	status
});
const kinds = (rs: { kind: string; item: OpenItem }[]) => rs.map((r) => `${r.item.assignmentId}:${r.kind}`).sort();

describe('remindersDue', () => {
	it('a new assignment far from its due date: one 新規 notice', () => {
		const r = remindersDue([item('a', '2027-03-31')], new Set(), today);
		expect(kinds(r.notify)).toEqual(['a:assigned']);
		expect(r.silent).toEqual([]);
	});
	it('a new assignment due within 7 days: the due-soon notice speaks, 新規 is recorded silently', () => {
		const r = remindersDue([item('a', '2026-11-30')], new Set(), today);
		expect(kinds(r.notify)).toEqual(['a:due_soon']);
		expect(kinds(r.silent)).toEqual(['a:assigned']);
	});
	it('an assignment already given 新規 becomes due soon on the 7th day before, not the 8th', () => {
		const sent = new Set(['a:assigned']);
		expect(remindersDue([item('a', '2026-12-01')], sent, today).notify).toEqual([]);
		expect(kinds(remindersDue([item('a', '2026-11-30')], sent, today).notify)).toEqual(['a:due_soon']);
	});
	it('overdue the day after the due date; escalated to the 課長 7 days after', () => {
		const sent = new Set(['a:assigned', 'a:due_soon']);
		expect(remindersDue([item('a', '2026-11-23')], sent, today).notify).toEqual([]);
		expect(kinds(remindersDue([item('a', '2026-11-22')], sent, today).notify)).toEqual(['a:overdue']);
		const late = remindersDue([item('a', '2026-11-16')], new Set([...sent, 'a:overdue']), today);
		expect(kinds(late.notify)).toEqual(['a:escalation']);
		expect(remindersDue([item('a', '2026-11-17')], new Set([...sent, 'a:overdue']), today).notify).toEqual([]);
	});
	it('nothing twice, and nothing for passed or exempt training', () => {
		const all = new Set(['a:assigned', 'a:due_soon', 'a:overdue', 'a:escalation']);
		expect(remindersDue([item('a', '2026-10-01')], all, today)).toEqual({ notify: [], silent: [] });
		expect(
			remindersDue([item('b', '2026-10-01', 'passed'), item('c', '2026-10-01', 'exempt')], new Set(), today)
		).toEqual({ notify: [], silent: [] });
	});
	it('first seen long overdue: overdue to the person and escalation, 新規 silent', () => {
		const r = remindersDue([item('a', '2026-10-01')], new Set(), today);
		expect(kinds(r.notify)).toEqual(['a:escalation', 'a:overdue']);
		expect(kinds(r.silent)).toEqual(['a:assigned']);
	});
});

it('weeks start on Monday', () => {
	expect(weekStart('2026-11-23')).toBe('2026-11-23'); // a Monday
	expect(weekStart('2026-11-29')).toBe('2026-11-23');
	expect(weekStart('2026-11-30')).toBe('2026-11-30');
});
