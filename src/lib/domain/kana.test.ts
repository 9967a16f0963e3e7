import { describe, expect, it } from 'vitest';
import { compareByKana, isKatakanaName, normaliseKana } from './kana.ts';

describe('normaliseKana', () => {
	it.each([
		['やまだ　たろう', 'ヤマダ タロウ'],
		['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ タロウ'],
		['  サトウ   ハナコ ', 'サトウ ハナコ'],
		['ヴァイオレット', 'ヴァイオレット']
	])('%s → %s', (input, out) => expect(normaliseKana(input)).toBe(out));
});

describe('isKatakanaName', () => {
	it.each([
		['ヤマダ タロウ', true],
		['やまだ たろう', true],
		['オオノ・ジュン', true],
		['山田', false],
		['Yamada', false],
		['', false]
	])('%s → %s', (input, ok) => expect(isKatakanaName(input)).toBe(ok));
});

describe('compareByKana (五十音順)', () => {
	it('sorts by reading, not by kanji code point, treating hiragana and katakana alike', () => {
		const people = [
			{ name: '渡辺 剛', kana: 'ワタナベ ツヨシ' },
			{ name: '阿部 理恵', kana: 'あべ りえ' },
			{ name: '佐藤 一郎', kana: 'サトウ イチロウ' },
			{ name: '斉藤 花', kana: 'サイトウ ハナ' },
			{ name: '伊藤 拓', kana: 'ｲﾄｳ ﾀｸ' }
		];
		expect(people.sort(compareByKana).map((p) => p.name)).toEqual([
			'阿部 理恵',
			'伊藤 拓',
			'斉藤 花',
			'佐藤 一郎',
			'渡辺 剛'
		]);
	});

	it('orders voiced and unvoiced readings next to each other', () => {
		const list = [{ kana: 'ハマダ' }, { kana: 'バンバ' }, { kana: 'ハヤシ' }];
		expect(list.sort(compareByKana).map((p) => p.kana)).toEqual(['ハマダ', 'ハヤシ', 'バンバ']);
	});
});
