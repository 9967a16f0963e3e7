import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { attempt, attemptAnswer, attemptItem, attemptResult, moduleProgress } from './db/schema.ts';
import type { Draw } from './quiz/draw.ts';
import type { Answers, Grade } from './quiz/grade.ts';

export async function getProgress(db: Db, personId: string, slug: string, version: string) {
	const [row] = await db
		.select()
		.from(moduleProgress)
		.where(
			and(
				eq(moduleProgress.personId, personId),
				eq(moduleProgress.moduleSlug, slug),
				eq(moduleProgress.moduleVersion, version)
			)
		);
	return row ?? null;
}

export async function listProgress(db: Db, personId: string) {
	return db.select().from(moduleProgress).where(eq(moduleProgress.personId, personId));
}

/** Records the section reached; reaching the last one marks the version as read (kept thereafter). */
export async function saveProgress(
	db: Db,
	p: { personId: string; slug: string; version: string; section: number; sectionCount: number },
	now = new Date()
) {
	const completedAt = p.section >= p.sectionCount - 1 ? now : null;
	await db
		.insert(moduleProgress)
		.values({
			personId: p.personId,
			moduleSlug: p.slug,
			moduleVersion: p.version,
			section: p.section,
			sectionCount: p.sectionCount,
			completedAt,
			updatedAt: now
		})
		.onConflictDoUpdate({
			target: [moduleProgress.personId, moduleProgress.moduleSlug, moduleProgress.moduleVersion],
			set: {
				section: p.section,
				sectionCount: p.sectionCount,
				updatedAt: now,
				completedAt: sql`coalesce(${moduleProgress.completedAt}, ${completedAt?.getTime() ?? null})`
			}
		});
}

export type NewAttempt = typeof attempt.$inferInsert & { draw: Draw };

export async function insertAttempt(db: Db, a: NewAttempt) {
	await db.insert(attempt).values(a);
}

/** The person's attempt with this id, or null: another person's attempt is never returned. */
export async function getOwnAttempt(db: Db, attemptId: string, personId: string) {
	const [row] = await db
		.select()
		.from(attempt)
		.where(and(eq(attempt.id, attemptId), eq(attempt.personId, personId)));
	return row ?? null;
}

/** The latest attempt on this exact content that has no result yet (to resume it). */
export async function getOpenAttempt(db: Db, personId: string, slug: string, contentHash: string) {
	const [row] = await db
		.select({ id: attempt.id })
		.from(attempt)
		.leftJoin(attemptResult, eq(attemptResult.attemptId, attempt.id))
		.where(
			and(
				eq(attempt.personId, personId),
				eq(attempt.moduleSlug, slug),
				eq(attempt.contentHash, contentHash),
				sql`${attemptResult.attemptId} is null`
			)
		)
		.orderBy(desc(attempt.startedAt))
		.limit(1);
	return row?.id ?? null;
}

export async function listSavedAnswers(db: Db, attemptId: string): Promise<Answers> {
	const rows = await db.select().from(attemptAnswer).where(eq(attemptAnswer.attemptId, attemptId));
	return Object.fromEntries(rows.map((r) => [r.itemId, r.choices]));
}

/** Saves the answers given so far (answers for other items stay as they were). */
export async function saveAnswers(db: Db, attemptId: string, answers: Answers, now = new Date()) {
	const rows = Object.entries(answers).map(([itemId, choices]) => ({ attemptId, itemId, choices, savedAt: now }));
	if (rows.length === 0) return;
	await db
		.insert(attemptAnswer)
		.values(rows)
		.onConflictDoUpdate({
			target: [attemptAnswer.attemptId, attemptAnswer.itemId],
			set: { choices: sql`excluded.choices`, savedAt: now }
		});
}

/** Whether the attempt was submitted (a primary-key lookup that reads no answers). */
export async function hasResult(db: Db, attemptId: string) {
	const [row] = await db
		.select({ id: attemptResult.attemptId })
		.from(attemptResult)
		.where(eq(attemptResult.attemptId, attemptId));
	return !!row;
}

export async function getResult(db: Db, attemptId: string) {
	const [row] = await db.select().from(attemptResult).where(eq(attemptResult.attemptId, attemptId));
	return row ?? null;
}

/**
 * Writes the graded result and per-item marks in one transaction. A second submit of the same
 * attempt (double click, retry, second tab) hits the primary key and changes nothing; `inserted`
 * tells which happened. The result is not read back: the page that shows it reads it.
 */
export async function recordResult(
	db: Db,
	a: { id: string; orgId: string; personId: string; moduleSlug: string; moduleVersion: string },
	answers: Answers,
	grade: Grade,
	fiscalYear: number,
	now = new Date()
) {
	const [inserted] = await db.batch([
		db
			.insert(attemptResult)
			.values({
				attemptId: a.id,
				orgId: a.orgId,
				personId: a.personId,
				moduleSlug: a.moduleSlug,
				moduleVersion: a.moduleVersion,
				fiscalYear,
				answers,
				score: grade.score,
				maxScore: grade.max,
				passed: grade.passed,
				submittedAt: now
			})
			.onConflictDoNothing(),
		db
			.insert(attemptItem)
			.values(
				grade.items.map((i) => ({ attemptId: a.id, moduleSlug: a.moduleSlug, itemId: i.itemId, correct: i.correct }))
			)
			.onConflictDoNothing()
	]);
	return { inserted: inserted.rowsAffected === 1 };
}

/** Every submitted attempt of a person, newest first. */
export async function listHistory(db: Db, personId: string) {
	return db
		.select({
			attemptId: attemptResult.attemptId,
			moduleSlug: attemptResult.moduleSlug,
			moduleVersion: attemptResult.moduleVersion,
			fiscalYear: attemptResult.fiscalYear,
			score: attemptResult.score,
			maxScore: attemptResult.maxScore,
			passed: attemptResult.passed,
			submittedAt: attemptResult.submittedAt
		})
		.from(attemptResult)
		.where(eq(attemptResult.personId, personId))
		.orderBy(desc(attemptResult.submittedAt));
}
