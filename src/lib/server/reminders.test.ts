import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { assignment, mailOutbox, notice, person, roleGrant } from './db/schema.ts';
import { testDb } from './testing/db.ts';
import { runReminders, type ReminderContext } from './reminders.ts';
import { renderNotice, renderNoticeParts } from './notice-text.ts';

const today = '2026-11-23';
const ctx: ReminderContext = {
	versions: new Map([['m', '1']]),
	titleOf: (s) => `教材${s}`,
	mail: { enabled: true, appUrl: 'https://manabi.city.lg.jp' }
};
const a = (id: string, moduleSlug: string, dueDate: string) => ({
	id,
	orgId: 'org1',
	personId: 'p2',
	moduleSlug,
	periodKey: 'once',
	recurrence: 'once' as const,
	mandatory: true,
	dueDate,
	source: 'test',
	createdAt: new Date()
});
const noticesOf = async (db: Db, personId: string) =>
	(await db.select().from(notice).where(eq(notice.personId, personId)))
		.map((n) => `${n.kind}: ${renderNotice(n.body)}`)
		.sort();

let db: Db;
beforeEach(async () => {
	db = await testDb();
	await db.update(person).set({ email: 'sato@city.example.lg.jp' }).where(eq(person.id, 'p2'));
	// 山田 (p1) is the 課長 of 総務課 and also HR; 佐藤 (p2) has three open modules
	await db.insert(roleGrant).values([
		{ id: 'g1', orgId: 'org1', personId: 'p1', role: 'manager', unitId: 'u1' },
		{ id: 'g2', orgId: 'org1', personId: 'p1', role: 'hr', unitId: null }
	]);
	await db
		.insert(assignment)
		.values([a('a1', 'far', '2027-03-31'), a('a2', 'soon', '2026-11-26'), a('a3', 'late', '2026-11-10')]);
});

describe('runReminders', () => {
	it('tells the person about new, soon due and overdue training, the 課長 about a week overdue, and HR in a weekly digest', async () => {
		const run = await runReminders(db, 'org1', today, ctx);
		expect(await noticesOf(db, 'p2')).toEqual([
			'assigned: 新しい研修が割り当てられました: 教材far（期限 令和9年3月31日）',
			'due_soon: 期限が7日以内の研修があります: 教材soon（期限 令和8年11月26日）',
			'overdue: 期限を過ぎた研修があります: 教材late（期限 令和8年11月10日）。できるだけ早く受講してください。'
		]);
		const boss = await noticesOf(db, 'p1');
		expect(boss).toHaveLength(2);
		expect(boss[0]).toMatch(
			/^digest: 週間まとめ（令和8年11月23日の週）: 期限を過ぎた研修がある職員は1人です。総務課 1人$/
		);
		expect(boss[1]).toMatch(/^escalation: .*佐藤 花子（000102）: 教材late（期限 令和8年11月10日）$/);
		expect(run).toEqual({ notices: 5, mails: 3, escalations: 1, digests: 1 });
		const mails = await db.select().from(mailOutbox);
		expect(mails.map((m) => m.toAddress)).toEqual(Array(3).fill('sato@city.example.lg.jp'));
		expect(mails.map((m) => m.subject).sort()).toEqual([
			'【まなび】新しい研修の割り当て',
			'【まなび】研修の期限が近づいています',
			'【まなび】研修の期限が過ぎています'
		]);
		expect(mails[0].body).toContain('https://manabi.city.lg.jp/mypage');
	});

	it('gives waiting requests turns while it runs (embedded statements settle synchronously, so only explicit yields do)', async () => {
		// 1,200 more staff, so the run reads three chunks of people
		await db.insert(person).values(
			Array.from({ length: 1200 }, (_, i) => ({
				id: `x${i}`,
				orgId: 'org1',
				employeeNo: String(200000 + i),
				name: `職員 ${i}`,
				kana: 'ショクイン',
				employmentType: 'regular' as const,
				jobGrade: '主事',
				hireDate: '2020-04-01'
			}))
		);
		let turns = 0;
		let running = true;
		const tick = () => {
			if (!running) return;
			turns++;
			setImmediate(tick);
		};
		setImmediate(tick);
		await runReminders(db, 'org1', today, ctx);
		running = false;
		expect(turns).toBeGreaterThanOrEqual(3);
	});

	it('says each thing once: a second run the same day, or the next day, adds nothing', async () => {
		await runReminders(db, 'org1', today, ctx);
		expect(await runReminders(db, 'org1', today, ctx)).toEqual({ notices: 0, mails: 0, escalations: 0, digests: 0 });
		expect(await runReminders(db, 'org1', '2026-11-24', ctx)).toEqual({
			notices: 0,
			mails: 0,
			escalations: 0,
			digests: 0
		});
	});

	it('the far module becomes due soon a week before; the digest comes again the next week', async () => {
		await runReminders(db, 'org1', today, ctx);
		await db.update(assignment).set({ dueDate: '2026-12-04' }).where(eq(assignment.id, 'a1'));
		const later = await runReminders(db, 'org1', '2026-11-30', ctx);
		// a2 is now overdue too (due 11/26): one notice lists it; a1 is due within 7 days
		expect(later.digests).toBe(1);
		const kinds = (await db.select().from(notice).where(eq(notice.personId, 'p2'))).map((n) => n.kind).sort();
		expect(kinds).toEqual(['assigned', 'due_soon', 'due_soon', 'overdue', 'overdue']);
	});

	it('without a relay only in-app notices are made; left staff get nothing', async () => {
		await db.update(person).set({ active: false }).where(eq(person.id, 'p2'));
		const run = await runReminders(db, 'org1', today, { ...ctx, mail: { enabled: false, appUrl: '' } });
		expect(await noticesOf(db, 'p2')).toEqual([]);
		expect(run.mails).toBe(0);
		expect(await db.select().from(mailOutbox)).toEqual([]);
	});

	it("writes e-mail in the recipient's language, and a stored notice reads in the reader's", async () => {
		await db.update(person).set({ locale: 'en' }).where(eq(person.id, 'p2'));
		await runReminders(db, 'org1', today, ctx);
		const mails = await db.select().from(mailOutbox);
		expect(mails.map((m) => m.subject).sort()).toEqual([
			'[Manabi] New training assigned',
			'[Manabi] Training due soon',
			'[Manabi] Training overdue'
		]);
		const overdue = mails.find((m) => m.subject === '[Manabi] Training overdue')!;
		expect(overdue.body).toBe(
			'Dear 佐藤 花子,\n\nYou have overdue training: 教材late (due 10 November 2026). Please take it as soon as possible.\n\nhttps://manabi.city.lg.jp/mypage\n\n(This e-mail was sent automatically by Manabi.)'
		);
		// the same stored notice, shown to a Japanese reader and to an English one
		const [row] = await db.select().from(notice).where(eq(notice.kind, 'digest'));
		expect(renderNotice(row.body, 'ja')).toBe(
			'週間まとめ（令和8年11月23日の週）: 期限を過ぎた研修がある職員は1人です。総務課 1人'
		);
		expect(renderNotice(row.body, 'en')).toBe(
			'Weekly summary (week of 23 November 2026): 1 staff have overdue training. 総務課: 1'
		);
		const [esc] = await db.select().from(notice).where(eq(notice.kind, 'escalation'));
		expect(renderNotice(esc.body, 'en')).toBe(
			'Training of your staff is overdue by 7 days or more. Please remind them. 佐藤 花子 (000102): 教材late (due 10 November 2026)'
		);
		// on the page, the Japanese data inside the English sentence is flagged so it can be marked lang="ja"
		expect(
			renderNoticeParts(esc.body, 'en')
				.filter((p) => p.data)
				.map((p) => p.text)
		).toEqual(['佐藤 花子', '教材late']);
		expect(
			renderNoticeParts(esc.body, 'en')
				.map((p) => p.text)
				.join('')
		).toBe(renderNotice(esc.body, 'en'));
	});

	it('a recipient without a language setting gets Japanese e-mail', async () => {
		await runReminders(db, 'org1', today, ctx);
		const [mail] = (await db.select().from(mailOutbox)).filter(
			(m) => m.subject === '【まなび】研修の期限が過ぎています'
		);
		expect(mail.body).toBe(
			'佐藤 花子 様\n\n期限を過ぎた研修があります: 教材late（期限 令和8年11月10日）。できるだけ早く受講してください。\n\nhttps://manabi.city.lg.jp/mypage\n\n（このメールは、まなびから自動で送っています）'
		);
	});
});
