import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { AUDIENCES, CATEGORIES, TRUE_FALSE_CHOICES, type Item, type ModuleMeta, type Problem } from './types.ts';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

const metaSchema = z.strictObject({
	code: z.string().regex(/^M\d{2}$/, 'M01〜M99 の形で書いてください'),
	title: z.string().min(1).max(80),
	summary: z.string().min(1).max(120, '120字以内にしてください'),
	category: z.enum(CATEGORIES, `次のいずれかにしてください: ${CATEGORIES.join('、')}`),
	audience: z.array(z.enum(AUDIENCES, `次から選んでください: ${AUDIENCES.join('、')}`)).min(1),
	minutes: z.int().min(5).max(30),
	version: z.string().regex(/^\d+\.\d+\.\d+$/, '1.0.0 の形で書いてください'),
	passMark: z.int().min(1).max(100),
	drawCount: z.int().min(1),
	retakeOnNewVersion: z.boolean(),
	skills: z.array(z.string().min(1)).min(1),
	objectives: z.array(z.string().min(1)).min(2).max(4)
});

const ITEM_ID = /^[a-z0-9][a-z0-9-]*$/;
const CHOICE_ID = /^[a-z]$/;
/** explanations must not point at a choice by its letter: choices are shuffled on screen */
const LETTER_REFERENCE = /(?<![A-Za-z])[a-f](?![A-Za-z])/;

const itemSchema = z.strictObject({
	id: z.string().regex(ITEM_ID, '英小文字・数字・ハイフンで書いてください'),
	objective: z.int().min(1),
	type: z.enum(['single', 'multiple', 'truefalse'], 'single / multiple / truefalse のいずれかにしてください'),
	stem: z.string().min(1),
	choices: z
		.array(z.strictObject({ id: z.string().regex(CHOICE_ID, '英小文字 1 字にしてください'), text: z.string().min(1) }))
		.optional(),
	answer: z.union([z.string(), z.array(z.string()), z.boolean()]),
	explanation: z.string().min(1)
});

const bankSchema = z.strictObject({ items: z.array(z.unknown()).min(1, '設問が 1 つもありません') });

/** Japanese messages for zod's generic issues: a missing field, a wrong type. */
const PARSE_OPTIONS = {
	error: (iss: { input?: unknown; code?: string; expected?: string }) => {
		if (iss.input === undefined) return 'この項目がありません';
		if (iss.code === 'invalid_type') return `型が違います（${iss.expected ?? '別の型'} で書いてください）`;
		if (iss.code === 'invalid_union') return 'answer は選択肢の id、id のリスト、true / false のいずれかです';
		return undefined;
	}
};

type Issue = { path: PropertyKey[]; message: string; code?: string; keys?: string[] };

function issueMessage(i: Issue) {
	if (i.code === 'unrecognized_keys')
		return `知らない項目です（${(i.keys ?? []).join(', ')}）。書き間違いがないか確かめてください`;
	return i.message;
}

function fieldOf(i: Issue) {
	if (i.code === 'unrecognized_keys') return (i.keys ?? []).join(', ');
	return i.path.join('.');
}

export type ModuleFiles = {
	slug: string;
	indexFile: string;
	indexSource: string;
	questionsFile: string;
	questionsSource: string | null;
};

export type ValidatedModule = { meta: Omit<ModuleMeta, 'contentHash'>; body: string; bank: Item[] };

function parseYamlSafe(source: string, file: string, problems: Problem[]): unknown {
	try {
		return parseYaml(source);
	} catch (e) {
		problems.push({ file, message: `YAML として読めません: ${(e as Error).message.split('\n')[0]}` });
		return undefined;
	}
}

function checkBody(body: string, file: string, problems: Problem[]) {
	if (/^# /m.test(body))
		problems.push({ file, message: '本文に h1（# 見出し）は書きません。表題は title から表示されます' });
	const h2 = [...body.matchAll(/^## (.+)$/gm)].map((m) => m[1].trim());
	if (h2.length < 4) problems.push({ file, message: '## の節が少なすぎます（本文の節、まとめ、出典）' });
	if (h2.at(-1) !== '出典') problems.push({ file, message: '最後の節は「## 出典」にしてください' });
	if (h2.at(-2) !== 'まとめ') problems.push({ file, message: '最後から 2 番目の節は「## まとめ」にしてください' });
	const outside = body.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
	if (/[{}<]/.test(outside))
		problems.push({
			file,
			message: '本文に { } < は書けません（Svelte の構文になります）。全角の ｛ ｝ ＜ を使ってください'
		});
}

function normaliseItem(
	raw: z.infer<typeof itemSchema>,
	file: string,
	objectives: number,
	problems: Problem[]
): Item | null {
	const at = (field: string, message: string) => problems.push({ file, item: raw.id, field, message });
	const before = problems.length;
	if (raw.objective > objectives)
		at('objective', `学習目標は ${objectives} 個です。1〜${objectives} で指定してください`);
	if (LETTER_REFERENCE.test(raw.explanation))
		at('explanation', '選択肢を記号（a, b …）で指しています。選択肢は並べ替えて表示されるため、内容で書いてください');
	let choices = raw.choices ?? [];
	let answer: string[];
	if (raw.type === 'truefalse') {
		if (raw.choices) at('choices', '○× の設問には choices を書きません');
		if (typeof raw.answer !== 'boolean') at('answer', '○× の設問の answer は true か false です');
		choices = TRUE_FALSE_CHOICES;
		answer = [raw.answer === true ? 'o' : 'x'];
	} else {
		if (choices.length < 2) at('choices', '選択肢を 2 つ以上書いてください');
		const ids = choices.map((c) => c.id);
		if (new Set(ids).size !== ids.length) at('choices', '選択肢の id が重複しています');
		answer = typeof raw.answer === 'boolean' ? [] : Array.isArray(raw.answer) ? raw.answer : [raw.answer];
		if (raw.type === 'single' && (Array.isArray(raw.answer) || typeof raw.answer !== 'string'))
			at('answer', '1 つ選ぶ設問の answer は選択肢の id を 1 つ書きます');
		if (raw.type === 'multiple' && (!Array.isArray(raw.answer) || answer.length < 2))
			at('answer', 'すべて選ぶ設問の answer は [a, c] のように 2 つ以上の id を書きます');
		if (new Set(answer).size !== answer.length) at('answer', '同じ id が重複しています');
		for (const a of answer) if (!ids.includes(a)) at('answer', `選択肢にない id「${a}」が指定されています`);
	}
	if (problems.length > before) return null;
	return {
		id: raw.id,
		objective: raw.objective,
		type: raw.type,
		stem: raw.stem,
		choices,
		answer,
		explanation: raw.explanation
	};
}

/** Checks one module's files. Every problem names the file, and the item and field where there is one. */
export function validateModule(files: ModuleFiles): { module: ValidatedModule | null; problems: Problem[] } {
	const problems: Problem[] = [];
	const { indexFile, questionsFile } = files;
	if (!/^[a-z0-9][a-z0-9-]*$/.test(files.slug))
		problems.push({ file: indexFile, message: 'フォルダー名（slug）は英小文字・数字・ハイフンにしてください' });
	const fm = FRONTMATTER.exec(files.indexSource);
	let meta: z.infer<typeof metaSchema> | null = null;
	if (!fm) problems.push({ file: indexFile, message: '先頭に --- で囲んだ frontmatter がありません' });
	else {
		const parsed = metaSchema.safeParse(parseYamlSafe(fm[1], indexFile, problems) ?? {}, PARSE_OPTIONS);
		if (parsed.success) meta = parsed.data;
		else
			for (const i of parsed.error.issues)
				problems.push({ file: indexFile, field: fieldOf(i as Issue), message: issueMessage(i as Issue) });
	}
	const body = fm ? files.indexSource.slice(fm[0].length) : files.indexSource;
	checkBody(body, indexFile, problems);

	const bank: Item[] = [];
	if (files.questionsSource === null)
		problems.push({ file: questionsFile, message: '問題バンクのファイルがありません' });
	else {
		const parsed = bankSchema.safeParse(
			parseYamlSafe(files.questionsSource, questionsFile, problems) ?? {},
			PARSE_OPTIONS
		);
		if (!parsed.success)
			for (const i of parsed.error.issues)
				problems.push({ file: questionsFile, field: fieldOf(i as Issue), message: issueMessage(i as Issue) });
		const seen = new Set<string>();
		for (const [index, rawItem] of (parsed.success ? parsed.data.items : []).entries()) {
			const label = (rawItem as { id?: unknown })?.id;
			const itemName = typeof label === 'string' ? label : `${index + 1}番目`;
			const item = itemSchema.safeParse(rawItem, PARSE_OPTIONS);
			if (!item.success) {
				for (const i of item.error.issues)
					problems.push({
						file: questionsFile,
						item: itemName,
						field: fieldOf(i as Issue),
						message: issueMessage(i as Issue)
					});
				continue;
			}
			if (seen.has(item.data.id))
				problems.push({ file: questionsFile, item: item.data.id, field: 'id', message: 'id が重複しています' });
			seen.add(item.data.id);
			const normalised = normaliseItem(item.data, questionsFile, meta?.objectives.length ?? 99, problems);
			if (normalised) bank.push(normalised);
		}
	}
	if (
		meta &&
		files.questionsSource !== null &&
		meta.drawCount > bank.length &&
		problems.every((p) => p.file !== questionsFile)
	)
		problems.push({
			file: indexFile,
			field: 'drawCount',
			message: `出題数 ${meta.drawCount} が問題バンクの問数 ${bank.length} より多くなっています`
		});
	if (problems.length > 0 || !meta) return { module: null, problems };
	return { module: { meta: { slug: files.slug, ...meta }, body, bank }, problems };
}
