import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { auditEvent } from './db/schema.ts';
import { testDb } from './testing/db.ts';
import { listNotices, markNoticeRead, notifyOnce, remindedToday, sendReminder } from './notices.ts';
import { renderNotice } from './notice-text.ts';
import { notice } from './db/schema.ts';

let db: Db;
const sender = { id: 'p1', orgId: 'org1', name: '山田 太郎' };
beforeEach(async () => {
	db = await testDb();
});

describe('notices', () => {
	it('a reminder reaches the person once per day, is audited, and is marked read only by its owner', async () => {
		expect(await sendReminder(db, sender, 'p2', ['情報セキュリティ'], '2026-11-23', null)).toEqual({ ok: true });
		const again = await sendReminder(db, sender, 'p2', ['情報セキュリティ'], '2026-11-23', null);
		expect(again).toEqual({ ok: false, message: expect.stringContaining('今日すでに督促') });
		expect(await sendReminder(db, sender, 'p2', ['情報セキュリティ'], '2026-11-24', null)).toEqual({ ok: true });
		const mine = await listNotices(db, 'p2');
		expect(mine).toHaveLength(2);
		expect(mine[0].body).toBe('山田 太郎さんから: 次の研修の受講をお願いします。情報セキュリティ');
		expect([...(await remindedToday(db, 'p1', '2026-11-23'))]).toEqual(['p2']);
		expect(await markNoticeRead(db, 'p1', mine[0].id)).toBe(false);
		expect(await markNoticeRead(db, 'p2', mine[0].id)).toBe(true);
		expect((await listNotices(db, 'p2'))[0].readAt).toBeInstanceOf(Date);
		const audit = await db.select().from(auditEvent).where(eq(auditEvent.action, 'notice.reminder'));
		expect(audit.map((a) => a.targetId)).toEqual(['p2', 'p2']);
	});

	it('sends nothing when nothing is open, and system notices are created once per key', async () => {
		expect((await sendReminder(db, sender, 'p2', [], '2026-11-23', null)).ok).toBe(false);
		const n = {
			orgId: 'org1',
			personId: 'p2',
			kind: 'due_soon' as const,
			body: '期限が近づいています',
			dedupeKey: 'due_soon:a1'
		};
		expect(await notifyOnce(db, n)).toBe(true);
		expect(await notifyOnce(db, n)).toBe(false);
		expect(await listNotices(db, 'p2')).toHaveLength(1);
	});

	it('a reminder is stored as what it says, so an English reader reads it in English; old rendered rows still read', async () => {
		await sendReminder(db, sender, 'p2', ['情報セキュリティ', '個人情報'], '2026-11-23', null);
		const [row] = await db.select().from(notice).where(eq(notice.personId, 'p2'));
		expect(renderNotice(row.body, 'en')).toBe(
			'From 山田 太郎: please take the following training: 情報セキュリティ, 個人情報'
		);
		expect(renderNotice(row.body, 'ja')).toBe(
			'山田 太郎さんから: 次の研修の受講をお願いします。情報セキュリティ、個人情報'
		);
		expect(renderNotice('研修が割り当てられました。', 'en')).toBe('研修が割り当てられました。');
		expect(renderNotice('{not json', 'en')).toBe('{not json');
	});
});
