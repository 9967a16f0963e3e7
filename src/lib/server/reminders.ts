/**
 * The daily reminder run: in-app notices (and e-mail when a relay is configured) for new, soon
 * due and overdue training, an escalation to the 課長, and HR's weekly digest. Runs in the
 * background; each person's notices and their "already reminded" marks are written in one transaction.
 */
import { anyInSubtrees, sectionIdOf } from '../domain/unit-path.ts';
import { and, eq, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { assignment, orgUnit, person, reminderSent, roleGrant } from './db/schema.ts';
import { listAssignmentStatuses } from './assignments.ts';
import { loadStaffSnapshot, groupBy } from './staff-snapshot.ts';
import { notifyOnce } from './notices.ts';
import type { DbOrTx } from './audit.ts';
import { enqueueMail } from './mail/outbox.ts';
import { addDays, type IsoDate } from '../domain/japanese-date.ts';
import { DUE_SOON_DAYS, isDone, remindersDue, weekStart, type OpenItem, type Reminder } from '../domain/reminders.ts';
import { encodeNotice, noticeMail, type MailKind, type NoticeItem } from './notice-text.ts';
import { yieldToEventLoop } from './event-loop.ts';

export type ReminderContext = {
	versions: ReadonlyMap<string, string>;
	titleOf: (slug: string) => string;
	mail: { enabled: boolean; appUrl: string };
};
export type ReminderRun = { notices: number; mails: number; escalations: number; digests: number };

/**
 * Open items that may need a reminder: not yet announced, or due within the next week or earlier.
 * Read a chunk of 500 people at a time with a turn for waiting requests in between: a single
 * query over the whole organisation returned every passed-but-never-announced assignment
 * (326,000 rows at 30,000 staff) and held the server for about 5 s at each start.
 */
async function candidates(db: Db, orgId: string, today: IsoDate, ctx: ReminderContext) {
	const horizon = addDays(today, DUE_SOON_DAYS);
	const staff = await db
		.select({ id: person.id })
		.from(person)
		.where(and(eq(person.orgId, orgId), eq(person.active, true)));
	const items: OpenItem[] = [];
	const sent = new Set<string>();
	for (let i = 0; i < staff.length; i += 500) {
		await yieldToEventLoop();
		const chunk = staff.slice(i, i + 500).map((p) => p.id);
		const rows = await db
			.select({ id: assignment.id })
			.from(assignment)
			.leftJoin(reminderSent, and(eq(reminderSent.assignmentId, assignment.id), eq(reminderSent.kind, 'assigned')))
			.where(
				and(
					inArray(assignment.personId, chunk),
					or(isNull(reminderSent.assignmentId), lte(assignment.dueDate, horizon))
				)
			);
		if (rows.length === 0) continue;
		const wanted = new Set(rows.map((r) => r.id));
		const open: OpenItem[] = [];
		for (const [personId, list] of await listAssignmentStatuses(db, chunk, today, ctx.versions))
			for (const a of list)
				if (wanted.has(a.id) && !isDone(a.status))
					open.push({
						assignmentId: a.id,
						personId,
						title: ctx.titleOf(a.moduleSlug),
						dueDate: a.dueDate,
						status: a.status
					});
		for (let k = 0; k < open.length; k += 500)
			for (const r of await db
				.select()
				.from(reminderSent)
				.where(
					inArray(
						reminderSent.assignmentId,
						open.slice(k, k + 500).map((o) => o.assignmentId)
					)
				))
				sent.add(`${r.assignmentId}:${r.kind}`);
		items.push(...open);
	}
	return { items, sent };
}

/** What a notice keeps of an open item: its title and due date (rendered when shown). */
const noticeItem = (i: OpenItem): NoticeItem => ({ title: i.title, dueDate: i.dueDate });

export async function runReminders(
	db: Db,
	orgId: string,
	today: IsoDate,
	ctx: ReminderContext,
	now = new Date()
): Promise<ReminderRun> {
	const { items, sent } = await candidates(db, orgId, today, ctx);
	const { notify, silent } = remindersDue(items, sent, today);
	const snapshot = await loadStaffSnapshot(db, orgId, today);
	const people = new Map(snapshot.people.map((p) => [p.id, p]));
	const current = (personId: string) => snapshot.membershipsOf(personId).filter((m) => m.start <= today);
	const grants = await db
		.select({ personId: roleGrant.personId, role: roleGrant.role, path: orgUnit.path })
		.from(roleGrant)
		.leftJoin(orgUnit, eq(orgUnit.id, roleGrant.unitId))
		.where(eq(roleGrant.orgId, orgId));
	const run: ReminderRun = { notices: 0, mails: 0, escalations: 0, digests: 0 };

	// e-mail is written in the recipient's language (person.locale; unset = Japanese)
	const locales = new Map(
		ctx.mail.enabled
			? (
					await db
						.select({ id: person.id, locale: person.locale })
						.from(person)
						.where(and(eq(person.orgId, orgId), isNotNull(person.locale)))
				).map((r) => [r.id, r.locale])
			: []
	);
	const deliver = async (tx: DbOrTx, to: string, kind: MailKind, body: string, dedupeKey: string) => {
		if (!(await notifyOnce(tx, { orgId, personId: to, kind, body, dedupeKey }, now))) return false;
		run.notices++;
		const email = people.get(to)?.email;
		if (ctx.mail.enabled && email) {
			const mail = noticeMail(
				kind,
				body,
				{ name: people.get(to)!.name, locale: locales.get(to) ?? null },
				ctx.mail.appUrl
			);
			await enqueueMail(tx, { orgId, to: email, ...mail }, now);
			run.mails++;
		}
		return true;
	};
	const marks = (rs: Reminder[]) => rs.map((r) => ({ assignmentId: r.item.assignmentId, kind: r.kind, sentAt: now }));

	// the person's own notices with their marks, a batch of people per transaction, so the write
	// lock is never held for long (a first run on 30,000 staff marks hundreds of thousands of rows)
	const ownMarks = groupBy(
		[...notify, ...silent].filter((r) => r.kind !== 'escalation'),
		(r) => r.item.personId
	);
	const personIds = [...ownMarks.keys()];
	const speaks = new Set(notify);
	for (let i = 0; i < personIds.length; i += 200) {
		await db.transaction(async (tx) => {
			for (const personId of personIds.slice(i, i + 200)) {
				const rs = ownMarks.get(personId)!;
				await tx.insert(reminderSent).values(marks(rs)).onConflictDoNothing();
				const spoken = groupBy(
					rs.filter((r) => speaks.has(r)),
					(r) => r.kind
				);
				for (const [kind, group] of spoken)
					await deliver(
						tx,
						personId,
						kind as MailKind,
						encodeNotice({ t: kind as 'assigned', items: group.map((r) => noticeItem(r.item)) }),
						`${kind}:${group[0].item.assignmentId}`
					);
			}
		});
		await yieldToEventLoop();
	}
	await db.transaction(async (tx) => {
		// each overdue person's 課長 (every manager whose unit holds them), one notice per 課長
		const escalations = notify.filter((r) => r.kind === 'escalation');
		for (let j = 0; j < escalations.length; j += 500)
			await tx
				.insert(reminderSent)
				.values(marks(escalations.slice(j, j + 500)))
				.onConflictDoNothing();
		const perManager = new Map<string, { name: string; employeeNo: string; items: OpenItem[] }[]>();
		for (const [personId, rs] of groupBy(escalations, (r) => r.item.personId)) {
			const paths = current(personId).map((m) => m.path);
			const managers = grants.filter(
				(g) => g.role === 'manager' && g.path && g.personId !== personId && anyInSubtrees(paths, [g.path!])
			);
			const p = people.get(personId)!;
			for (const m of new Set(managers.map((g) => g.personId)))
				perManager.set(m, [
					...(perManager.get(m) ?? []),
					{ name: p.name, employeeNo: p.employeeNo, items: rs.map((r) => r.item) }
				]);
		}
		for (const [managerId, staff] of perManager)
			if (
				await deliver(
					tx,
					managerId,
					'escalation',
					encodeNotice({ t: 'escalation', staff: staff.map((s) => ({ ...s, items: s.items.map(noticeItem) })) }),
					`escalation:${staff[0].items[0].assignmentId}`
				)
			)
				run.escalations++;
		run.digests = await weeklyDigest(tx, orgId, today, items, current, grants, deliver);
	});
	return run;
}

/** Once a week, each HR member gets the overdue staff counted by 課. */
async function weeklyDigest(
	db: DbOrTx,
	orgId: string,
	today: IsoDate,
	items: OpenItem[],
	current: (personId: string) => { path: string }[],
	grants: { personId: string; role: string }[],
	deliver: (tx: DbOrTx, to: string, kind: 'digest', body: string, key: string) => Promise<boolean>
) {
	const hr = [...new Set(grants.filter((g) => g.role === 'hr').map((g) => g.personId))];
	if (hr.length === 0) return 0;
	const overduePeople = [...new Set(items.filter((i) => i.status === 'overdue').map((i) => i.personId))];
	// the 課 is the second level of the path (/部/課/係/)
	const sectionOf = (personId: string) => sectionIdOf(current(personId)[0]?.path ?? '');
	const counts = new Map<string, number>();
	for (const p of overduePeople) {
		const s = sectionOf(p);
		if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
	}
	const names = counts.size
		? await db
				.select({ id: orgUnit.id, name: orgUnit.name })
				.from(orgUnit)
				.where(inArray(orgUnit.id, [...counts.keys()]))
		: [];
	const nameOf = new Map(names.map((u) => [u.id, u.name]));
	const week = weekStart(today);
	const body = encodeNotice({
		t: 'digest',
		week,
		units: [...counts].map(([id, people]) => ({ unitName: nameOf.get(id) ?? id, people }))
	});
	let given = 0;
	for (const h of hr) if (await deliver(db, h, 'digest', body, `digest:${week}`)) given++;
	return given;
}
