import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { notice } from './db/schema.ts';
import { generateId } from './auth/token.ts';
import { recordAudit, type DbOrTx } from './audit.ts';
import { encodeNotice, renderNotice, renderNoticeParts } from './notice-text.ts';
import * as m from '../paraglide/messages.js';

export type NoticeKind = (typeof notice.$inferSelect)['kind'];

export type ReminderOutcome = { ok: true } | { ok: false; message: string };

/**
 * A 課長 (or HR) reminds one person of their open training. At most one reminder per sender,
 * person and day (JST): a second click the same day changes nothing and says so. Audited.
 */
export async function sendReminder(
	db: Db,
	sender: { id: string; orgId: string; name: string },
	recipientId: string,
	openTitles: string[],
	today: string,
	ip: string | null,
	now = new Date()
): Promise<ReminderOutcome> {
	if (openTitles.length === 0) return { ok: false, message: m.notice_err_no_open() };
	const body = encodeNotice({ t: 'reminder', sender: sender.name, titles: openTitles });
	const res = await db
		.insert(notice)
		.values({
			id: generateId(),
			orgId: sender.orgId,
			personId: recipientId,
			kind: 'reminder',
			body,
			senderId: sender.id,
			dedupeKey: `reminder:${sender.id}:${today}`,
			createdAt: now
		})
		.onConflictDoNothing();
	if (res.rowsAffected === 0) return { ok: false, message: m.notice_err_already_today() };
	await recordAudit(
		db,
		{
			orgId: sender.orgId,
			actorId: sender.id,
			action: 'notice.reminder',
			targetType: 'person',
			targetId: recipientId,
			after: { modules: openTitles },
			ip
		},
		now
	);
	return { ok: true };
}

/** Creates a notice once per dedupe key; returns whether it was new. `body` is `encodeNotice(...)`. */
export async function notifyOnce(
	db: DbOrTx,
	n: { orgId: string; personId: string; kind: NoticeKind; body: string; dedupeKey: string },
	now = new Date()
) {
	const res = await db
		.insert(notice)
		.values({ id: generateId(), ...n, senderId: null, createdAt: now })
		.onConflictDoNothing();
	return res.rowsAffected > 0;
}

/** The person's latest notices, their text rendered in the current request's locale. */
export async function listNotices(db: Db, personId: string, limit = 20) {
	const rows = await db
		.select({ id: notice.id, kind: notice.kind, body: notice.body, createdAt: notice.createdAt, readAt: notice.readAt })
		.from(notice)
		.where(eq(notice.personId, personId))
		.orderBy(desc(notice.createdAt))
		.limit(limit);
	return rows.map((r) => ({ ...r, body: renderNotice(r.body), parts: renderNoticeParts(r.body) }));
}

/** Marks one of the person's own notices read; someone else's id changes nothing. */
export async function markNoticeRead(db: Db, personId: string, noticeId: string, now = new Date()) {
	const res = await db
		.update(notice)
		.set({ readAt: now })
		.where(and(eq(notice.id, noticeId), eq(notice.personId, personId), isNull(notice.readAt)));
	return res.rowsAffected > 0;
}

/** The day's reminders already sent by this sender, so the page can show 督促済み. */
export async function remindedToday(db: Db, senderId: string, today: string) {
	const rows = await db
		.select({ personId: notice.personId })
		.from(notice)
		.where(eq(notice.dedupeKey, `reminder:${senderId}:${today}`));
	return new Set(rows.map((r) => r.personId));
}
