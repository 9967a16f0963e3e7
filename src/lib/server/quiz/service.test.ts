import { beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { attemptItem, attemptResult } from '../db/schema.ts';
import { TRUE_FALSE_CHOICES, type Module } from '../content/types.ts';
import { getOwnAttempt, getResult, listHistory, listSavedAnswers } from '../learning.ts';
import { testDb } from '../testing/db.ts';
import { saveProgressAnswers, startOrResumeAttempt, submitAttempt, toQuizView } from './service.ts';

const choices = ['a', 'b', 'c'].map((id) => ({ id, text: `選択肢${id}` }));
const module: Module = {
	slug: 'sample',
	code: 'M90',
	title: 'サンプル',
	summary: 's',
	category: 'DX基礎',
	audience: ['全職員'],
	minutes: 10,
	version: '1.0.0',
	passMark: 100,
	drawCount: 3,
	retakeOnNewVersion: true,
	skills: ['x'],
	objectives: ['o1', 'o2'],
	contentHash: 'hash-1',
	sections: [],
	bank: [
		{ id: 'q1', objective: 1, type: 'single', stem: '問1', choices, answer: ['b'], explanation: '解説1' },
		{ id: 'q2', objective: 1, type: 'multiple', stem: '問2', choices, answer: ['a', 'c'], explanation: '解説2' },
		{
			id: 'q3',
			objective: 2,
			type: 'truefalse',
			stem: '問3',
			choices: TRUE_FALSE_CHOICES,
			answer: ['o'],
			explanation: '解説3'
		}
	]
};
const learner = { id: 'p1', orgId: 'org1' };
const correct = () => {
	const f = new FormData();
	f.append('q:q1', 'b');
	f.append('q:q2', 'a');
	f.append('q:q2', 'c');
	f.append('q:q3', 'o');
	return f;
};

let db: Db;
beforeEach(async () => {
	db = await testDb();
});

async function started() {
	const id = await startOrResumeAttempt(db, learner, module);
	return (await getOwnAttempt(db, id, learner.id))!;
}

describe('quiz attempts', () => {
	it('stores the draw at the start and resumes the same attempt until it is submitted', async () => {
		const a = await started();
		expect(a.draw).toHaveLength(3);
		expect(a.moduleVersion).toBe('1.0.0');
		expect(a.contentHash).toBe('hash-1');
		expect(await startOrResumeAttempt(db, learner, module)).toBe(a.id);
		await submitAttempt(db, a, correct());
		expect(await startOrResumeAttempt(db, learner, module)).not.toBe(a.id);
	});

	it('never shows another person their attempt', async () => {
		const a = await started();
		expect(await getOwnAttempt(db, a.id, 'p2')).toBeNull();
	});

	it('sends no key or explanation in the quiz view', async () => {
		const a = await started();
		const view = JSON.stringify(toQuizView(module, a.draw));
		expect(view).not.toMatch(/answer|explanation|解説/);
	});

	it('saves answers as they go, and a cleared multi-select stays cleared', async () => {
		const a = await started();
		const f = new FormData();
		f.append('q:q2', 'a');
		expect(await saveProgressAnswers(db, a, f)).toEqual({ ok: true });
		expect((await listSavedAnswers(db, a.id)).q2).toEqual(['a']);
		expect(await saveProgressAnswers(db, a, new FormData())).toEqual({ ok: true });
		expect((await listSavedAnswers(db, a.id)).q2).toEqual([]);
	});

	it('grades on the server and records a double submit once', async () => {
		const a = await started();
		const [first, second] = await Promise.all([submitAttempt(db, a, correct()), submitAttempt(db, a, correct())]);
		const third = await submitAttempt(db, a, new FormData());
		expect([first, second].filter((o) => o.ok && !o.duplicate)).toHaveLength(1);
		expect(third).toEqual({ ok: true, duplicate: true });
		const result = (await getResult(db, a.id))!;
		expect([result.score, result.maxScore, result.passed]).toEqual([3, 3, true]);
		const [{ n }] = await db.select({ n: count() }).from(attemptResult).where(eq(attemptResult.attemptId, a.id));
		const [{ items }] = await db.select({ items: count() }).from(attemptItem).where(eq(attemptItem.attemptId, a.id));
		expect([n, items]).toEqual([1, 3]);
	});

	it('rejects a tampered submission and stores nothing', async () => {
		const a = await started();
		const f = correct();
		f.append('q:not-drawn', 'a');
		const outcome = await submitAttempt(db, a, f);
		expect(outcome.ok).toBe(false);
		expect(await getResult(db, a.id)).toBeNull();
	});

	it('keeps every attempt: a failed one, then a passed retake, both in the history', async () => {
		const first = await started();
		await submitAttempt(db, first, new FormData(), new Date('2025-06-01T01:00:00Z'));
		const retake = await started();
		expect(retake.id).not.toBe(first.id);
		await submitAttempt(db, retake, correct(), new Date('2025-06-01T02:00:00Z'));
		const history = await listHistory(db, learner.id);
		expect(history.map((h) => [h.score, h.passed, h.fiscalYear])).toEqual([
			[3, true, 2025],
			[0, false, 2025]
		]);
	});

	it('refuses to change a stored result (append-only)', async () => {
		const a = await started();
		await submitAttempt(db, a, correct());
		await expect(db.$client.execute('UPDATE attempt_result SET score = 0')).rejects.toThrow(/append-only/);
	});
});
