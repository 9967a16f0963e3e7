import { describe, expect, it } from 'vitest';
import type { Item } from '../content/types.ts';
import { TRUE_FALSE_CHOICES } from '../content/types.ts';
import { parseAnswers } from './answers.ts';
import { drawQuiz, shuffle, type Draw } from './draw.ts';
import { gradeAttempt, isCorrect } from './grade.ts';

/** A deterministic source: cycles through the given values. */
const seq = (...values: number[]) => {
	let i = 0;
	return () => values[i++ % values.length];
};

const choice = (id: string) => ({ id, text: `選択肢${id}` });
const bank: Item[] = [
	{
		id: 's1',
		objective: 1,
		type: 'single',
		stem: 'q',
		choices: ['a', 'b', 'c', 'd'].map(choice),
		answer: ['b'],
		explanation: 'e'
	},
	{
		id: 'm1',
		objective: 1,
		type: 'multiple',
		stem: 'q',
		choices: ['a', 'b', 'c', 'd'].map(choice),
		answer: ['a', 'c'],
		explanation: 'e'
	},
	{
		id: 't1',
		objective: 2,
		type: 'truefalse',
		stem: 'q',
		choices: TRUE_FALSE_CHOICES,
		answer: ['x'],
		explanation: 'e'
	},
	{
		id: 's2',
		objective: 2,
		type: 'single',
		stem: 'q',
		choices: ['a', 'b', 'c'].map(choice),
		answer: ['a'],
		explanation: 'e'
	},
	{ id: 't2', objective: 2, type: 'truefalse', stem: 'q', choices: TRUE_FALSE_CHOICES, answer: ['o'], explanation: 'e' }
];

describe('drawQuiz', () => {
	it('is deterministic for a given random source', () => {
		expect(drawQuiz(bank, 3, seq(0.1, 0.7, 0.3))).toEqual(drawQuiz(bank, 3, seq(0.1, 0.7, 0.3)));
	});

	it('draws distinct items, keeps each key, and shuffles choices except ○×', () => {
		const draw = drawQuiz(bank, 5, seq(0.9, 0.05, 0.5, 0.3, 0.7));
		expect(new Set(draw.map((d) => d.itemId)).size).toBe(5);
		for (const d of draw) {
			const item = bank.find((i) => i.id === d.itemId)!;
			expect([...d.choiceOrder].sort()).toEqual(item.choices.map((c) => c.id).sort());
			expect(d.answer).toEqual(item.answer);
			if (item.type === 'truefalse') expect(d.choiceOrder).toEqual(['o', 'x']);
		}
	});

	it('gives colleagues different draws with real randomness', () => {
		const draws = new Set(
			Array.from({ length: 20 }, () =>
				drawQuiz(bank, 3)
					.map((d) => d.itemId)
					.join()
			)
		);
		expect(draws.size).toBeGreaterThan(1);
	});

	it('refuses to draw more items than the bank has', () => {
		expect(() => drawQuiz(bank, 6)).toThrow(/bank of 5/);
	});

	it('shuffle is a permutation', () => {
		expect(shuffle([1, 2, 3, 4], seq(0.99, 0)).sort()).toEqual([1, 2, 3, 4]);
	});
});

const draw: Draw = [
	{ itemId: 's1', type: 'single', choiceOrder: ['d', 'b', 'a', 'c'], answer: ['b'] },
	{ itemId: 'm1', type: 'multiple', choiceOrder: ['c', 'a', 'd', 'b'], answer: ['a', 'c'] },
	{ itemId: 't1', type: 'truefalse', choiceOrder: ['o', 'x'], answer: ['x'] },
	{ itemId: 's2', type: 'single', choiceOrder: ['c', 'a', 'b'], answer: ['a'] },
	{ itemId: 't2', type: 'truefalse', choiceOrder: ['o', 'x'], answer: ['o'] }
];

describe('isCorrect', () => {
	it('takes the key in any order and nothing else', () => {
		expect(isCorrect(['c', 'a'], ['a', 'c'])).toBe(true);
		expect(isCorrect(['a'], ['a', 'c'])).toBe(false);
		expect(isCorrect(['a', 'c', 'd'], ['a', 'c'])).toBe(false);
		expect(isCorrect([], ['a'])).toBe(false);
	});

	it('does not count a choice given twice as another choice', () => {
		expect(isCorrect(['a', 'a'], ['a', 'c'])).toBe(false);
	});
});

describe('gradeAttempt', () => {
	const cases: [string, Record<string, string[]>, number, number, boolean][] = [
		['all correct', { s1: ['b'], m1: ['a', 'c'], t1: ['x'], s2: ['a'], t2: ['o'] }, 80, 5, true],
		['multi-select in any order', { s1: ['b'], m1: ['c', 'a'], t1: ['x'], s2: ['a'], t2: ['o'] }, 100, 5, true],
		[
			'multi-select with one extra choice is wrong',
			{ s1: ['b'], m1: ['a', 'c', 'd'], t1: ['x'], s2: ['a'], t2: ['o'] },
			80,
			4,
			true
		],
		[
			'multi-select with one missing choice is wrong',
			{ s1: ['b'], m1: ['a'], t1: ['x'], s2: ['a'], t2: ['o'] },
			100,
			4,
			false
		],
		['exactly at the pass mark passes (4/5 = 80%)', { s1: ['b'], m1: ['a', 'c'], t1: ['x'], s2: ['a'] }, 80, 4, true],
		['one below the pass mark fails (3/5 < 80%)', { s1: ['b'], t1: ['x'], s2: ['a'] }, 80, 3, false],
		['unanswered items score zero', {}, 1, 0, false],
		['○× wrong', { t1: ['o'], t2: ['x'] }, 10, 0, false],
		['an empty choice list is unanswered', { s1: [] }, 10, 0, false]
	];
	it.each(cases)('%s', (_label, answers, passMark, score, passed) => {
		const g = gradeAttempt(draw, answers, passMark);
		expect([g.score, g.max, g.passed]).toEqual([score, 5, passed]);
	});

	it('handles pass marks that do not divide evenly (2/3 vs 67%)', () => {
		const three = draw.slice(0, 3);
		expect(gradeAttempt(three, { s1: ['b'], m1: ['a', 'c'] }, 67).passed).toBe(false);
		expect(gradeAttempt(three, { s1: ['b'], m1: ['a', 'c'] }, 66).passed).toBe(true);
	});

	it('reports each item with the key for the results page', () => {
		const g = gradeAttempt(draw, { s1: ['d'] }, 80);
		expect(g.items[0]).toEqual({ itemId: 's1', correct: false, given: ['d'], answer: ['b'] });
	});
});

describe('parseAnswers', () => {
	const form = (pairs: [string, string | Blob][]) => {
		const fd = new FormData();
		for (const [k, v] of pairs) fd.append(k, v);
		return fd;
	};
	it('reads single, multiple and ○× answers and ignores other fields', () => {
		const r = parseAnswers(
			form([
				['q:s1', 'b'],
				['q:m1', 'a'],
				['q:m1', 'c'],
				['q:t1', 'x'],
				['attemptId', 'z']
			]),
			draw
		);
		expect(r).toEqual({ ok: true, answers: { s1: ['b'], m1: ['a', 'c'], t1: ['x'] } });
	});
	it.each([
		['an item that was not drawn', [['q:zz', 'a']], /出題されていない/],
		['an unknown choice id', [['q:s1', 'e']], /存在しない選択肢/],
		[
			'two answers to a single-choice item',
			[
				['q:s1', 'a'],
				['q:s1', 'b']
			],
			/1 つだけ/
		],
		[
			'two answers to a ○× item',
			[
				['q:t1', 'o'],
				['q:t1', 'x']
			],
			/1 つだけ/
		],
		[
			'a duplicated choice',
			[
				['q:m1', 'a'],
				['q:m1', 'a']
			],
			/重複/
		],
		['a file instead of text', [['q:s1', new Blob(['b'])]], /形式/]
	] as [string, [string, string | Blob][], RegExp][])('rejects %s', (_label, pairs, message) => {
		const r = parseAnswers(form(pairs), draw);
		expect(r.ok).toBe(false);
		expect(r.ok ? '' : r.message).toMatch(message);
	});
});
