import type { Draw } from './draw';
import type { Answers } from './grade';

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
		const m = FIELD.exec(key);
		if (!m) continue;
		const item = byId.get(m[1]);
		if (!item) return { ok: false, message: 'このテストで出題されていない設問への解答が含まれています。' };
		const values = form.getAll(key);
		if (values.some((v) => typeof v !== 'string'))
			return { ok: false, message: '解答の形式が正しくありません。' };
		const chosen = values as string[];
		if (new Set(chosen).size !== chosen.length)
			return { ok: false, message: '同じ選択肢が重複して送信されました。' };
		if (chosen.some((c) => !item.choiceOrder.includes(c)))
			return { ok: false, message: '存在しない選択肢が送信されました。画面を読み込み直してください。' };
		if (item.type !== 'multiple' && chosen.length > 1)
			return { ok: false, message: '1 つだけ選ぶ設問に複数の解答が送信されました。' };
		answers[item.itemId] = chosen;
	}
	return { ok: true, answers };
}
