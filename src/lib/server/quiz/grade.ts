import type { Draw } from './draw.ts';

/** Answers as submitted: item id → the chosen choice ids (empty or missing = unanswered). */
export type Answers = Record<string, string[]>;

export type ItemResult = { itemId: string; correct: boolean; given: string[]; answer: string[] };

export type Grade = { score: number; max: number; passed: boolean; items: ItemResult[] };

/**
 * Whether the chosen choices are exactly the key, in any order. A choice given twice is not an
 * answer the form can send, so it never counts as correct.
 */
export function isCorrect(given: readonly string[], key: readonly string[]): boolean {
	const chosen = new Set(given);
	return chosen.size === given.length && given.length === key.length && key.every((k) => chosen.has(k));
}

/**
 * One point per item; a multiple-choice item counts only when the chosen set equals the key
 * (order does not matter). Passed when score / max ≥ passMark %, compared in integers.
 */
export function gradeAttempt(draw: Draw, answers: Answers, passMark: number): Grade {
	const items = draw.map((d) => {
		const given = answers[d.itemId] ?? [];
		return { itemId: d.itemId, correct: isCorrect(given, d.answer), given, answer: d.answer };
	});
	const score = items.filter((i) => i.correct).length;
	const max = draw.length;
	return { score, max, passed: max > 0 && score * 100 >= passMark * max, items };
}
