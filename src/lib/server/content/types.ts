import * as m from '../../paraglide/messages.js';

/** A lesson module as the server holds it. Answer keys and explanations never leave the server. */

export const CATEGORIES = [
	'DX基礎',
	'情報セキュリティ',
	'個人情報保護',
	'業務改革',
	'住民サービス',
	'デジタル技術',
	'データ活用',
	'制度・基盤',
	'マネジメント',
	'初任者'
] as const;

export const AUDIENCES = [
	'全職員',
	'管理職',
	'初任者',
	'個人情報取扱者',
	'窓口担当',
	'システム担当',
	'DX推進員',
	'企画・政策担当',
	'手続所管課'
] as const;

export type ItemType = 'single' | 'multiple' | 'truefalse';
export type Choice = { id: string; text: string };

export type Item = {
	id: string;
	objective: number;
	type: ItemType;
	stem: string;
	choices: Choice[];
	/** choice ids of the key; for ○× items the ids are "o" and "x" */
	answer: string[];
	explanation: string;
};

export type ModuleMeta = {
	slug: string;
	code: string;
	title: string;
	summary: string;
	category: (typeof CATEGORIES)[number];
	audience: (typeof AUDIENCES)[number][];
	minutes: number;
	version: string;
	passMark: number;
	drawCount: number;
	retakeOnNewVersion: boolean;
	skills: string[];
	objectives: string[];
	/** sha256 of the lesson and bank files, so an attempt records exactly what was shown */
	contentHash: string;
};

export type Section = { title: string; html: string };

export type Module = ModuleMeta & { sections: Section[]; bank: Item[] };

/**
 * The ○/× choices are the app's words, not the module's: each `text` is a getter, read when the
 * quiz is shown, so it follows the reader's locale (every truefalse item shares these objects).
 */
export const TRUE_FALSE_CHOICES: Choice[] = [
	{
		id: 'o',
		get text() {
			return m.quiz_choice_true();
		}
	},
	{
		id: 'x',
		get text() {
			return m.quiz_choice_false();
		}
	}
];

export type Problem = { file: string; item?: string; field?: string; message: string };

export const formatProblem = (p: Problem) =>
	`${p.file}${p.item ? ` 設問 ${p.item}` : ''}${p.field ? ` の ${p.field}` : ''}: ${p.message}`;
