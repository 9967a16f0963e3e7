import { fiscalYearOf } from '../../domain/japanese-date.ts';
import type { Db } from '../db/client.ts';
import type { Module } from '../content/types.ts';
import { generateId } from '../auth/token.ts';
import { getOpenAttempt, hasResult, insertAttempt, recordResult, saveAnswers } from '../learning.ts';
import { parseAnswers } from './answers.ts';
import { cryptoRandom, drawQuiz, type Draw, type Random } from './draw.ts';
import { gradeAttempt, isCorrect, type Answers } from './grade.ts';
import * as m from '../../paraglide/messages.js';

type Learner = { id: string; orgId: string };
type StoredAttempt = {
	id: string;
	orgId: string;
	personId: string;
	moduleSlug: string;
	moduleVersion: string;
	passMark: number;
	draw: Draw;
};

/** Resumes the open attempt on this content, or starts a new one with a fresh draw. */
export async function startOrResumeAttempt(
	db: Db,
	user: Learner,
	module: Module,
	now = new Date(),
	random: Random = cryptoRandom
) {
	const open = await getOpenAttempt(db, user.id, module.slug, module.contentHash);
	if (open) return open;
	return startAttempt(db, user, module, now, random);
}

export async function startAttempt(
	db: Db,
	user: Learner,
	module: Module,
	now = new Date(),
	random: Random = cryptoRandom
) {
	const id = generateId();
	await insertAttempt(db, {
		id,
		orgId: user.orgId,
		personId: user.id,
		moduleSlug: module.slug,
		moduleVersion: module.version,
		contentHash: module.contentHash,
		fiscalYear: fiscalYearOf(now),
		passMark: module.passMark,
		draw: drawQuiz(module.bank, module.drawCount, random),
		startedAt: now
	});
	return id;
}

/** The questions as the learner sees them before submitting: no keys, no explanations. */
export function toQuizView(module: Module, draw: Draw) {
	return draw.map((d, index) => {
		const item = module.bank.find((i) => i.id === d.itemId);
		return {
			id: d.itemId,
			number: index + 1,
			type: d.type,
			stem: item?.stem ?? m.quiz_item_deleted(),
			choices: d.choiceOrder.map((cid) => ({ id: cid, text: item?.choices.find((c) => c.id === cid)?.text ?? cid }))
		};
	});
}

export type QuizItemView = ReturnType<typeof toQuizView>[number];

/** After submission: every question with the learner's answer, the key and the explanation. */
export function toResultView(module: Module, draw: Draw, answers: Answers) {
	return toQuizView(module, draw).map((q, i) => {
		const key = draw[i].answer;
		const given = answers[q.id] ?? [];
		return {
			...q,
			given,
			answer: key,
			correct: isCorrect(given, key),
			explanation: module.bank.find((it) => it.id === q.id)?.explanation ?? ''
		};
	});
}

export type SaveOutcome = { ok: true } | { ok: false; message: string };

export async function saveProgressAnswers(
	db: Db,
	a: StoredAttempt,
	form: FormData,
	now = new Date()
): Promise<SaveOutcome> {
	if (await hasResult(db, a.id)) return { ok: false, message: m.quiz_err_submitted() };
	const parsed = parseAnswers(form, a.draw);
	if (!parsed.ok) return parsed;
	// the form carries every current choice, so an item missing from it has been cleared
	const snapshot = Object.fromEntries(a.draw.map((d) => [d.itemId, parsed.answers[d.itemId] ?? []]));
	await saveAnswers(db, a.id, snapshot, now);
	return { ok: true };
}

export type SubmitOutcome = { ok: true; duplicate: boolean } | { ok: false; message: string };

/**
 * Grades on the server from the stored draw and the submitted choice ids. A submit for an
 * attempt that already has a result records nothing and reports it as a duplicate.
 */
export async function submitAttempt(
	db: Db,
	a: StoredAttempt,
	form: FormData,
	now = new Date()
): Promise<SubmitOutcome> {
	const parsed = parseAnswers(form, a.draw);
	// answers that no longer fit matter only if the attempt is still open; a re-post of a submitted one is a duplicate
	if (!parsed.ok) return (await hasResult(db, a.id)) ? { ok: true, duplicate: true } : parsed;
	const grade = gradeAttempt(a.draw, parsed.answers, a.passMark);
	const { inserted } = await recordResult(db, a, parsed.answers, grade, fiscalYearOf(now), now);
	return { ok: true, duplicate: !inserted };
}
