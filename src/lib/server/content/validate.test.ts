import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '../../paraglide/runtime.js';
import { formatProblem } from './types.ts';
import { validateModule, type ModuleFiles } from './validate.ts';
import { checkModules, readModuleFiles } from './files.ts';

const FRONT = `---
code: M99
title: テスト教材
summary: テスト用の短い教材です。
category: DX基礎
audience: [全職員]
minutes: 10
version: 1.0.0
passMark: 80
drawCount: 2
retakeOnNewVersion: false
skills: [テスト]
objectives:
  - 一つ目の目標を説明できる
  - 二つ目の目標を説明できる
---
`;
const BODY = `
## 第1節

本文。

## 第2節

本文。

## まとめ

まとめ。

## 出典

- 総務省「資料」
`;
const BANK = `items:
  - id: t-01
    objective: 1
    type: single
    stem: 問い
    choices:
      - { id: a, text: 選択肢1 }
      - { id: b, text: 選択肢2 }
    answer: b
    explanation: 正しいのは選択肢2です。
  - id: t-02
    objective: 2
    type: truefalse
    stem: 正しいか。
    answer: false
    explanation: 誤りです。
  - id: t-03
    objective: 2
    type: multiple
    stem: すべて選べ。
    choices:
      - { id: a, text: 一 }
      - { id: b, text: 二 }
      - { id: c, text: 三 }
    answer: [a, c]
    explanation: 一と三です。
`;

const files = (over: Partial<ModuleFiles> = {}): ModuleFiles => ({
	slug: 'test-module',
	indexFile: 'content/modules/test-module/index.md',
	indexSource: FRONT + BODY,
	questionsFile: 'content/modules/test-module/questions.yaml',
	questionsSource: BANK,
	...over
});

const messages = (f: ModuleFiles) => validateModule(f).problems.map(formatProblem);

describe('validateModule on a good module', () => {
	it('accepts it and normalises the bank', () => {
		const { module, problems } = validateModule(files());
		expect(problems).toEqual([]);
		expect(module?.meta.title).toBe('テスト教材');
		expect(module?.bank.map((i) => [i.id, i.answer])).toEqual([
			['t-01', ['b']],
			['t-02', ['x']],
			['t-03', ['a', 'c']]
		]);
		expect(module?.bank[1].choices.map((c) => c.id)).toEqual(['o', 'x']);
	});
});

describe('validateModule names the file, item and field of each problem', () => {
	const cases: [string, Partial<ModuleFiles>, RegExp][] = [
		[
			'a missing key',
			{ questionsSource: BANK.replace('    answer: b\n', '') },
			/questions\.yaml 設問 t-01 の answer: この項目がありません/
		],
		[
			'a key that names no choice',
			{ questionsSource: BANK.replace('answer: b', 'answer: e') },
			/設問 t-01 の answer: 選択肢にない id「e」/
		],
		[
			'a multiple-choice key naming no choice',
			{ questionsSource: BANK.replace('answer: [a, c]', 'answer: [a, z]') },
			/設問 t-03 の answer: 選択肢にない id「z」/
		],
		[
			'a duplicate id',
			{ questionsSource: BANK.replace('id: t-02', 'id: t-01') },
			/設問 t-01 の id: id が重複しています/
		],
		[
			'a draw count larger than the bank',
			{ indexSource: FRONT.replace('drawCount: 2', 'drawCount: 4') + BODY },
			/index\.md の drawCount: 出題数 4 が問題バンクの問数 3/
		],
		[
			'an unknown frontmatter field',
			{ indexSource: FRONT.replace('minutes: 10', 'minutes: 10\npassmark: 70') + BODY },
			/index\.md の passmark: 知らない項目です/
		],
		[
			'a missing frontmatter field',
			{ indexSource: FRONT.replace('version: 1.0.0\n', '') + BODY },
			/index\.md の version: この項目がありません/
		],
		[
			'an unknown category',
			{ indexSource: FRONT.replace('DX基礎', 'その他') + BODY },
			/index\.md の category: 次のいずれか/
		],
		[
			'a single-choice item with a list key',
			{ questionsSource: BANK.replace('answer: b', 'answer: [a, b]') },
			/設問 t-01 の answer: 1 つ選ぶ設問/
		],
		[
			'a ○× item with a letter key',
			{ questionsSource: BANK.replace('answer: false', 'answer: a') },
			/設問 t-02 の answer: ○× の設問の answer は true か false/
		],
		[
			'an objective that does not exist',
			{ questionsSource: BANK.replace('objective: 1', 'objective: 3') },
			/設問 t-01 の objective: 学習目標は 2 個です/
		],
		[
			'an explanation that points at a letter',
			{ questionsSource: BANK.replace('正しいのは選択肢2です。', 'bが正しい。') },
			/設問 t-01 の explanation: 選択肢を記号/
		],
		[
			'an unknown item field',
			{ questionsSource: BANK.replace('    stem: 問い', '    stem: 問い\n    hint: x') },
			/設問 t-01 の hint: 知らない項目です/
		],
		['broken YAML', { questionsSource: 'items: [\n' }, /questions\.yaml: YAML として読めません/],
		['a missing bank file', { questionsSource: null }, /questions\.yaml: 問題バンクのファイルがありません/],
		['no frontmatter', { indexSource: BODY }, /index\.md: 先頭に --- で囲んだ frontmatter がありません/],
		['an h1 in the body', { indexSource: FRONT + '# 表題\n' + BODY }, /index\.md: 本文に h1/],
		['出典 not last', { indexSource: FRONT + BODY + '\n## 付録\n' }, /最後の節は「## 出典」/],
		['a brace in the prose', { indexSource: FRONT + BODY.replace('本文。', '本文 {x}。') }, /{ } < は書けません/]
	];
	it.each(cases)('%s', (_label, over, expected) => {
		const found = messages(files(over));
		expect(
			found.some((m) => expected.test(m)),
			found.join('\n')
		).toBe(true);
		expect(validateModule(files(over)).module).toBeNull();
	});
});

describe('the real content/ tree', () => {
	it('passes content:check', () => {
		const { modules, problems } = checkModules(readModuleFiles());
		expect(problems.map(formatProblem)).toEqual([]);
		expect(modules.length).toBeGreaterThan(0);
	});
});

describe('the ○/× choices are the app’s words', () => {
	const base = getLocale;
	afterEach(() => overwriteGetLocale(base));

	it('a module validated once shows them in the locale of whoever reads the quiz', () => {
		const item = validateModule(files()).module!.bank.find((i) => i.type === 'truefalse')!;
		expect(item.choices.map((c) => c.text)).toEqual(['○（正しい）', '×（誤り）']);
		overwriteGetLocale(() => 'en');
		expect(item.choices.map((c) => c.text)).toEqual(['○ (true)', '× (false)']);
		expect(item.stem).toBe('正しいか。');
	});
});
