import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '../paraglide/runtime.js';
import { parentsFirst, planUnits, type IncomingUnit, type UnitRecord } from './unit-import.ts';

const current: UnitRecord[] = [
	{ code: '100', name: '総務部', kana: 'ソウムブ', kind: 'department', parentCode: null },
	{ code: '110', name: '総務課', kana: 'ソウムカ', kind: 'section', parentCode: '100' },
	{ code: '200', name: '市民部', kana: 'シミンブ', kind: 'department', parentCode: null }
];
let row = 1;
const u = (code: string, name: string, kind: UnitRecord['kind'], parentCode: string | null): IncomingUnit => ({
	row: ++row,
	code,
	name,
	kana: 'カナ',
	kind,
	parentCode
});
const cols = (p: ReturnType<typeof planUnits>) => p.errors.map((e) => `${e.row}:${e.column}`);

describe('planUnits', () => {
	it('adds a new 部 with its 課 and 係 from the same file, in any row order', () => {
		row = 1;
		const p = planUnits(
			[],
			[
				u('311', '住民記録係', 'team', '310'),
				u('300', '福祉部', 'department', null),
				u('310', '福祉課', 'section', '300')
			]
		);
		expect(p.errors).toEqual([]);
		expect(p.added.map((a) => a.code)).toEqual(['311', '300', '310']);
		expect(parentsFirst(p.added).map((a) => a.code)).toEqual(['300', '310', '311']);
	});
	it('renames a 課 and moves it to another 部 (組織改正); leaves units missing from the file alone', () => {
		row = 1;
		const p = planUnits(current, [
			{ ...u('110', '総務課', 'section', '200') },
			{ ...u('100', '総務部', 'department', null), kana: 'ソウムブ' }
		]);
		expect(p.moved.map((m) => m.code)).toEqual(['110']);
		expect(p.unchanged).toBe(1);
		expect(p.errors).toEqual([]);
	});
	it('names every problem by row and column', () => {
		row = 1;
		const p = planUnits(current, [
			u('120', '人事課', 'section', null), // 課 without a parent
			u('130', '企画課', 'section', '999'), // unknown parent
			u('140', '財政係', 'team', '100'), // 係 under a 部
			u('300', '福祉部', 'department', '100'), // 部 with a parent
			u('110', '総務係', 'team', '110'), // kind change
			u('300', '福祉部', 'department', null) // duplicate code
		]);
		expect(cols(p)).toEqual([
			'2:上位所属コード',
			'3:上位所属コード',
			'4:上位所属コード',
			'5:上位所属コード',
			'6:区分',
			'7:所属コード'
		]);
		expect(p.errors[1].message).toContain('「999」は、このファイルにも登録済みの所属にもありません');
	});
});

describe('organisation chart errors for an English reader', () => {
	const base = getLocale;
	afterEach(() => overwriteGetLocale(base));

	it('names the unit kinds in the sentence and keeps the CSV columns Japanese', () => {
		const file = [u('900', '新しい課', 'section', null), u('901', '新しい係', 'team', '900x')];
		overwriteGetLocale(() => 'en');
		expect(planUnits(current, file).errors.map((e) => [e.column, e.message])).toEqual([
			[
				'上位所属コード',
				'A section (課) needs the 所属コード of its department (部) in 上位所属コード (parent unit code).'
			],
			[
				'上位所属コード',
				'The 上位所属コード (parent unit code) “900x” is neither in this file nor among the registered units.'
			]
		]);
		overwriteGetLocale(base);
		expect(planUnits(current, file).errors[0].message).toBe('課には上位の部の所属コードを入れてください。');
	});
});
