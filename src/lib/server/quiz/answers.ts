import type { Draw } from './draw.ts';
import type { Answers } from './grade.ts';
import { m } from '../../paraglide/messages.js';

export type AnswersParse = { ok: true; answers: Answers } | { ok: false; message: string };

const FIELD = /^q:(.+)$/;

/**
 * Reads answers from form fields named `q:<itemId>` (one value per chosen choice). Refuses
 * anything a real form could not have sent: an item that was not drawn, an unknown choice,
 * two choices on a single-answer item, the same choice twice, or non-text values.
 */
export function parseAnswers(form: FormData, draw: Draw): AnswersParse {
	const byId = new Map(draw.map((d) => [d.itemId, d]));
	const answers: Answers = {};
	for (const key of new Set(form.keys())) {
		const field = FIELD.exec(key);
		if (!field) continue;
		const item = byId.get(field[1]);
		if (!item) return { ok: false, message: m.quiz_err_unknown_item() };
		const values = form.getAll(key);
		if (values.some((v) => typeof v !== 'string')) return { ok: false, message: m.quiz_err_answer_format() };
		const chosen = values as string[];
		if (new Set(chosen).size !== chosen.length) return { ok: false, message: m.quiz_err_duplicate_choice() };
		if (chosen.some((c) => !item.choiceOrder.includes(c))) return { ok: false, message: m.quiz_err_unknown_choice() };
		if (item.type !== 'multiple' && chosen.length > 1) return { ok: false, message: m.quiz_err_single_multiple() };
		answers[item.itemId] = chosen;
	}
	return { ok: true, answers };
}
