import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '../paraglide/runtime.js';
import { parseTargetForm, type TargetChoices } from './target-form.ts';

const choices: TargetChoices = {
	modules: ['security-policy'],
	categories: ['情報セキュリティ'],
	curricula: ['c1'],
	years: [2026, 2025]
};
const form = (over: Record<string, string>) => {
	const v: Record<string, string> = {
		name: '理解度100%',
		metric: 'comprehension_rate',
		scopeKind: 'module',
		scopeModule: 'security-policy',
		fiscalYear: '2026',
		threshold: '100',
		...over
	};
	return (k: string) => v[k];
};

describe('parseTargetForm', () => {
	it('reads a target, taking the scope from the field of the chosen kind', () => {
		expect(parseTargetForm(form({ baseline: '９０％', source: '盛岡市' }), choices)).toEqual({
			ok: true,
			value: {
				name: '理解度100%',
				metric: 'comprehension_rate',
				scopeKind: 'module',
				scopeValue: 'security-policy',
				fiscalYear: 2026,
				threshold: 100,
				baseline: 90,
				source: '盛岡市'
			}
		});
		const count = parseTargetForm(form({ metric: 'person_count', scopeKind: 'all', threshold: '1,000人' }), choices);
		expect(count.ok && count.value).toMatchObject({ scopeKind: 'all', scopeValue: '', threshold: 1000 });
		const tag = parseTargetForm(form({ scopeKind: 'tag', scopeTag: '窓口' }), choices);
		expect(tag.ok && tag.value.scopeValue).toBe('窓口');
	});

	it.each([
		[{ threshold: '120' }, 'threshold', '率の目標は0より大きく100以下（%）で入力してください。'],
		[{ threshold: 'たくさん' }, 'threshold', '目標値を数値で入力してください。'],
		[{ metric: 'person_count', threshold: '10.5' }, 'threshold', '延べ人数の目標は1以上の整数で入力してください。'],
		[
			{ scopeKind: 'category', scopeCategory: '' },
			'scopeCategory',
			'対象を選ぶか入力してください（空の対象では測れません）。'
		],
		[
			{ scopeKind: 'curriculum', scopeCurriculum: 'other-org' },
			'scopeCurriculum',
			'対象の選択に不明な値があります。画面を読み込み直してください。'
		],
		[{ fiscalYear: '1999' }, 'fiscalYear', '年度を選んでください。'],
		[{ metric: 'sum' }, 'metric', '指標を選んでください。'],
		[{ name: '' }, 'name', '目標の名前を入力してください。'],
		[{ baseline: '-1' }, 'baseline', '基準値は0以上の数値で入力してください（率は100以下）。']
	])('%j → %s', (over, field, message) => {
		const r = parseTargetForm(form(over), choices);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.fieldErrors[field]).toBe(message);
			expect(r.values.name).toBe((over as Record<string, string>).name ?? '理解度100%');
		}
	});
});

describe('messages for an English reader', () => {
	const base = getLocale;
	afterEach(() => overwriteGetLocale(base));

	it('names every bad field in English', () => {
		overwriteGetLocale(() => 'en');
		const r = parseTargetForm(
			form({ name: '', metric: 'completion_rate', scopeModule: 'unknown', fiscalYear: '1999', threshold: '0' }),
			choices
		);
		expect(r.ok ? null : r.fieldErrors).toEqual({
			name: 'Please enter a name for the target.',
			scopeModule: 'The scope selection contains an unknown value. Please reload the page.',
			fiscalYear: 'Please choose a fiscal year.',
			threshold: 'A target rate must be more than 0 and at most 100 (%).'
		});
	});
});
