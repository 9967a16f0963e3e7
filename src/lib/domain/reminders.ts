/**
 * Which automatic reminders are due (pure). Each assignment gets each kind once: 新規割り当て,
 * 期限7日前, 期限切れ, and — a week after the due date — an escalation to the person's 課長.
 * Notices are grouped per person and kind, so a new hire with ten modules gets one notice.
 */
import type { AssignmentStatus } from './assignment.ts';
import { daysBetween, type IsoDate } from './japanese-date.ts';

export const DUE_SOON_DAYS = 7;
export const ESCALATE_AFTER_DAYS = 7;

export type ReminderKind = 'assigned' | 'due_soon' | 'overdue' | 'escalation';

export type OpenItem = {
	assignmentId: string;
	personId: string;
	title: string;
	dueDate: IsoDate;
	status: AssignmentStatus;
};

export type Reminder = { kind: ReminderKind; item: OpenItem };

const DONE: AssignmentStatus[] = ['passed', 'exempt'];

/** Passed or exempt: no reminder of any kind (and none of HR's overdue counts). */
export const isDone = (status: AssignmentStatus) => DONE.includes(status);

/**
 * The reminders to give today. `sent` holds `${assignmentId}:${kind}` already given. Kinds that
 * a later one makes moot are marked as given without a notice (`silent`): an assignment that is
 * new and due in three days gets one notice, not two; one already overdue is not "new".
 */
export function remindersDue(items: readonly OpenItem[], sent: ReadonlySet<string>, today: IsoDate) {
	const notify: Reminder[] = [];
	const silent: Reminder[] = [];
	for (const item of items) {
		if (isDone(item.status)) continue;
		const has = (k: ReminderKind) => sent.has(`${item.assignmentId}:${k}`);
		const daysLeft = daysBetween(today, item.dueDate);
		const want: ReminderKind[] = [];
		if (daysLeft <= -ESCALATE_AFTER_DAYS && !has('escalation')) want.push('escalation');
		if (daysLeft < 0 && !has('overdue')) want.push('overdue');
		else if (daysLeft >= 0 && daysLeft <= DUE_SOON_DAYS && !has('due_soon')) want.push('due_soon');
		if (!has('assigned')) want.push('assigned');
		// the most pressing person-facing kind speaks; the milder ones are recorded as given
		const personal = want.filter((k) => k !== 'escalation');
		if (want.includes('escalation')) notify.push({ kind: 'escalation', item });
		personal.forEach((kind, i) => (i === 0 ? notify : silent).push({ kind, item }));
	}
	return { notify, silent };
}

/** The Monday (JST date) that starts the week of `today`: the digest's once-a-week key. */
export function weekStart(today: IsoDate): IsoDate {
	const d = new Date(`${today}T00:00:00Z`);
	const back = (d.getUTCDay() + 6) % 7;
	d.setUTCDate(d.getUTCDate() - back);
	return d.toISOString().slice(0, 10);
}
