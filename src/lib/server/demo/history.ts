import { and, eq, notInArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { assignment, attempt, attemptItem, attemptResult, person, trainingRecord } from '../db/schema.ts';
import { generateId } from '../auth/token.ts';
import { drawQuiz, type Random } from '../quiz/draw.ts';
import { gradeAttempt, type Answers } from '../quiz/grade.ts';
import type { Item } from '../content/types.ts';
import { addDays, daysBetween, fiscalYearOf } from '../../domain/japanese-date.ts';
import { DEMO_ACCOUNTS } from './municipality.ts';

export type HistoryModule = { slug: string; version: string; passMark: number; drawCount: number; bank: Item[] };

/** A small deterministic generator (mulberry32), so the demo looks the same on every machine. */
export function seededRandom(seed: number): Random {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** How hard each question is: fixed per item id, so the dashboard's "most missed" has a shape. */
const difficulty = (itemId: string) => ([...itemId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 100) / 100;

/**
 * This 年度's learning so far for みらい市's staff (not the demo accounts, whose state the
 * tests and the README describe): most have taken their training, some failed first and
 * retook it, some have not started. Real draws graded by the real grader; 90 records of
 * classroom and external training for 延べ人数.
 */
export async function seedLearningHistory(
	db: Db,
	orgId: string,
	modules: readonly HistoryModule[],
	today: string,
	seed = 2026
) {
	const random = seededRandom(seed);
	const bySlug = new Map(modules.map((m) => [m.slug, m]));
	const fy = fiscalYearOf(today);
	const start = `${fy}-04-01`;
	const span = Math.max(1, daysBetween(start, today));
	const rows = await db
		.select({ personId: assignment.personId, moduleSlug: assignment.moduleSlug, dueDate: assignment.dueDate })
		.from(assignment)
		.innerJoin(person, eq(person.id, assignment.personId))
		.where(
			and(
				eq(assignment.orgId, orgId),
				notInArray(
					person.employeeNo,
					DEMO_ACCOUNTS.map((a) => a.employeeNo)
				)
			)
		);
	const attempts: (typeof attempt.$inferInsert)[] = [];
	const results: (typeof attemptResult.$inferInsert)[] = [];
	const items: (typeof attemptItem.$inferInsert)[] = [];
	for (const a of rows) {
		const m = bySlug.get(a.moduleSlug);
		if (!m || random() > 0.72) continue;
		let day = addDays(start, Math.floor(random() * span));
		for (let k = 0; k < 3; k++) {
			const draw = drawQuiz(m.bank, m.drawCount, random);
			const skill = 0.8 + random() * 0.2 + k * 0.1;
			const answers: Answers = Object.fromEntries(
				draw.map((d) => [
					d.itemId,
					random() < skill - difficulty(d.itemId) * 0.35
						? d.answer
						: [d.choiceOrder.find((c) => !d.answer.includes(c)) ?? d.choiceOrder[0]]
				])
			);
			const grade = gradeAttempt(draw, answers, m.passMark);
			const id = generateId();
			const at = new Date(`${day}T01:${String(10 + k).padStart(2, '0')}:00Z`);
			attempts.push({
				id,
				orgId,
				personId: a.personId,
				moduleSlug: m.slug,
				moduleVersion: m.version,
				contentHash: 'demo',
				fiscalYear: fy,
				passMark: m.passMark,
				draw,
				startedAt: at
			});
			results.push({
				attemptId: id,
				orgId,
				personId: a.personId,
				moduleSlug: m.slug,
				moduleVersion: m.version,
				fiscalYear: fy,
				answers,
				score: grade.score,
				maxScore: grade.max,
				passed: grade.passed,
				submittedAt: at
			});
			items.push(
				...grade.items.map((i) => ({ attemptId: id, moduleSlug: m.slug, itemId: i.itemId, correct: i.correct }))
			);
			if (grade.passed || random() < 0.3) break;
			day = day < today ? addDays(day, 1) : day;
		}
	}
	const people = await db
		.select({ id: person.id })
		.from(person)
		.where(
			and(
				eq(person.orgId, orgId),
				notInArray(
					person.employeeNo,
					DEMO_ACCOUNTS.map((a) => a.employeeNo)
				)
			)
		);
	const courses = [
		{ kind: 'classroom' as const, title: 'BPRワークショップ（集合研修）', category: '業務改革' },
		{
			kind: 'external' as const,
			title: 'J-LIS 地方公共団体職員向け情報セキュリティ研修',
			category: '情報セキュリティ'
		},
		{ kind: 'certification' as const, title: 'ITパスポート試験 合格', category: 'デジタル技術' }
	];
	const training = people.slice(0, 90).map((p, i) => ({
		id: generateId(),
		orgId,
		personId: p.id,
		...courses[i % 3],
		date: addDays(start, Math.floor(random() * span)),
		fiscalYear: fy,
		createdBy: 'demo',
		createdAt: new Date()
	}));
	const chunk = async <T>(xs: T[], f: (c: T[]) => Promise<unknown>) => {
		for (let i = 0; i < xs.length; i += 200) await f(xs.slice(i, i + 200));
	};
	await db.transaction(async (tx) => {
		await chunk(attempts, (c) => tx.insert(attempt).values(c));
		await chunk(results, (c) => tx.insert(attemptResult).values(c));
		await chunk(items, (c) => tx.insert(attemptItem).values(c));
		if (training.length) await chunk(training, (c) => tx.insert(trainingRecord).values(c));
	});
	return { attempts: attempts.length, training: training.length };
}
