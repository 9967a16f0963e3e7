import type { Item } from '../content/types.ts';

/** What an attempt stores at its start: the items drawn, their choice order, and the key. */
export type DrawnItem = { itemId: string; type: Item['type']; choiceOrder: string[]; answer: string[] };
export type Draw = DrawnItem[];

export type Random = () => number;

export const cryptoRandom: Random = () => crypto.getRandomValues(new Uint32Array(1))[0] / 2 ** 32;

/** Fisher–Yates with an injected random source (deterministic in tests). */
export function shuffle<T>(xs: readonly T[], random: Random): T[] {
	const out = [...xs];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/** Draws `count` items in random order; choices are shuffled except ○/× which keep their order. */
export function drawQuiz(bank: readonly Item[], count: number, random: Random = cryptoRandom): Draw {
	if (count > bank.length) throw new Error(`draw of ${count} from a bank of ${bank.length}`);
	return shuffle(bank, random)
		.slice(0, count)
		.map((item) => ({
			itemId: item.id,
			type: item.type,
			choiceOrder:
				item.type === 'truefalse' ? item.choices.map((c) => c.id) : shuffle(item.choices, random).map((c) => c.id),
			answer: [...item.answer]
		}));
}
