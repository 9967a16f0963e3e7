import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '../../paraglide/runtime.js';
import { decodeCsvBytes } from './decode.ts';
import { CSV_TEMPLATE_HEADER, parseJapaneseDate, readStaffCsv } from './staff-csv.ts';
import { readUnitCsv } from './unit-csv.ts';
import { readTrainingCsv } from './training-csv.ts';

const UNITS = new Set(['210', '220']);
const HEADER = '職員番号,氏名,フリガナ,所属コード,職階,雇用区分,採用日,メール,タグ\r\n';
const ROW = '001234,山田 太郎,ヤマダ タロウ,210,主事,正規職員,2020/4/1,,窓口、個人情報取扱者\r\n';

describe('decodeCsvBytes', () => {
	it('reads real Shift_JIS bytes as written by Excel', () => {
		// 「職員番号」 in CP932
		const bytes = new Uint8Array([0x90, 0x45, 0x88, 0xf5, 0x94, 0xd4, 0x8d, 0x86, 0x0d, 0x0a]);
		expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text: '職員番号\r\n', encoding: 'shift_jis' });
	});

	it('reads UTF-8 with and without a BOM', () => {
		const utf8 = new TextEncoder().encode('職員番号\n');
		expect(decodeCsvBytes(utf8)).toMatchObject({ ok: true, text: '職員番号\n', encoding: 'utf-8' });
		expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toMatchObject({ ok: true, text: '職員番号\n' });
	});

	it('reads CP932-only characters such as ① and 髙 (NEC/IBM extensions)', () => {
		const bytes = new Uint8Array(iconv.encode('髙橋①', 'cp932'));
		expect(decodeCsvBytes(bytes)).toMatchObject({ ok: true, text: '髙橋①' });
	});

	it.each([
		['an empty file', new Uint8Array(), /空/],
		['an Excel workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), /xlsx/],
		['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), /CSV ファイルではない/],
		['bytes that are neither UTF-8 nor Shift_JIS', new Uint8Array([0x82, 0xff, 0x82, 0xa0, 0xfd]), /文字コード/],
		['a file over the size limit', new Uint8Array(11), /大きすぎます/]
	])('refuses %s with a message', (_label, bytes, message) => {
		const r = decodeCsvBytes(bytes, 10);
		expect(r.ok).toBe(false);
		expect(r.ok ? '' : r.message).toMatch(message);
	});
});

describe('parseJapaneseDate', () => {
	it.each([
		['2026-04-01', '2026-04-01'],
		['2026/4/1', '2026-04-01'],
		['２０２６／４／１', '2026-04-01'],
		['令和8年4月1日', '2026-04-01'],
		['令和元年5月1日', '2019-05-01'],
		['R8.4.1', '2026-04-01'],
		['H31.4.1', '2019-04-01'],
		['2026/2/30', null],
		['2025/2/29', null],
		['2024/2/29', '2024-02-29'],
		['昨日', null]
	])('%s → %s', (input, out) => expect(parseJapaneseDate(input)).toBe(out));
});

describe('readStaffCsv', () => {
	it('reads a row, keeps leading zeros and splits tags', () => {
		const r = readStaffCsv(HEADER + ROW, UNITS);
		expect(r).toEqual({
			ok: true,
			errors: [],
			mentioned: ['001234'],
			rows: [
				{
					row: 2,
					employeeNo: '001234',
					name: '山田 太郎',
					kana: 'ヤマダ タロウ',
					unitCode: '210',
					jobGrade: '主事',
					employmentType: 'regular',
					hireDate: '2020-04-01',
					email: null,
					tags: ['窓口', '個人情報取扱者'],
					effectiveDate: null
				}
			]
		});
	});

	it('handles Excel quirks: CRLF, quoted fields with newlines and commas, full-width digits and spaces, hiragana readings', () => {
		const csv =
			HEADER +
			'"００１２３５","佐藤　花子","さとう　はなこ",２２０,"主任","会計年度任用職員","R7.4.1","","窓口,\n初任者"\r\n';
		const r = readStaffCsv(csv, UNITS);
		expect(r.ok && r.errors).toEqual([]);
		expect(r.ok && r.rows[0]).toMatchObject({
			employeeNo: '001235',
			name: '佐藤 花子',
			kana: 'サトウ ハナコ',
			unitCode: '220',
			employmentType: 'part_time_fy',
			hireDate: '2025-04-01',
			tags: ['窓口', '初任者']
		});
	});

	it('keeps names exactly as written (no 﨑 → 崎)', () => {
		const r = readStaffCsv(HEADER + '000001,山﨑 髙志,ヤマザキ タカシ,210,主事,正規,2020/4/1,,\r\n', UNITS);
		expect(r.ok && r.rows[0].name).toBe('山﨑 髙志');
	});

	it('accepts the columns in any order and alternative header names', () => {
		const csv =
			'氏名,職員番号,所属コード,ふりがな,職階,任用区分,採用年月日\n山田 太郎,000009,210,やまだ たろう,主事,再任用,2001/4/1\n';
		const r = readStaffCsv(csv, UNITS);
		expect(r.ok && r.rows[0]).toMatchObject({ employeeNo: '000009', employmentType: 'reappointed' });
	});

	it('names every bad cell by row and column and leaves those rows out', () => {
		const csv =
			HEADER +
			ROW +
			'001234,重複 一郎,ジュウフク イチロウ,210,主事,正規職員,2020/4/1,,\r\n' +
			'000077,鈴木 次郎,Suzuki,999,主事,アルバイト,2020/2/30,not-an-email,\r\n';
		const r = readStaffCsv(csv, UNITS);
		expect(r.ok && r.rows.map((x) => x.row)).toEqual([2]);
		expect(r.ok && r.errors).toEqual([
			{ row: 3, column: '職員番号', message: '職員番号 001234 が 2 行目と重複しています。' },
			{ row: 4, column: 'フリガナ', message: 'フリガナはカタカナ（またはひらがな）で入れてください。' },
			{ row: 4, column: '所属コード', message: '所属コード「999」は登録されていません。' },
			{ row: 4, column: '雇用区分', message: expect.stringContaining('アルバイト') },
			{ row: 4, column: '採用日', message: expect.stringContaining('2020/2/30') },
			{ row: 4, column: 'メール', message: expect.stringContaining('not-an-email') }
		]);
	});

	it('refuses a file without the required columns, naming them', () => {
		const r = readStaffCsv('職員番号,氏名\n1,a\n', UNITS);
		expect(r.ok ? '' : r.message).toMatch(/必要な列がありません: フリガナ、所属コード、職階、雇用区分、採用日/);
	});

	it('refuses broken CSV (an unclosed quote) with a message', () => {
		const r = readStaffCsv(HEADER + '"001234,山田\n', UNITS);
		expect(r.ok ? '' : r.message).toMatch(/CSV として読めません/);
	});

	it('documents a template header', () => {
		expect(CSV_TEMPLATE_HEADER).toEqual([
			'職員番号',
			'氏名',
			'フリガナ',
			'所属コード',
			'職階',
			'雇用区分',
			'採用日',
			'メール',
			'タグ',
			'異動日'
		]);
	});

	it('reads a Shift_JIS file end to end', () => {
		const bytes = new Uint8Array(iconv.encode(HEADER + ROW, 'cp932'));
		const decoded = decodeCsvBytes(bytes);
		const r = decoded.ok ? readStaffCsv(decoded.text, UNITS) : null;
		expect(r?.ok && r.rows[0].name).toBe('山田 太郎');
	});
});

describe('import messages for an English reader', () => {
	const base = getLocale;
	afterEach(() => overwriteGetLocale(base));

	it('still reads the Japanese headers, and names the Japanese columns inside English sentences', () => {
		overwriteGetLocale(() => 'en');
		const r = readStaffCsv(HEADER + ROW + '001234,,ヤマダ,999,主事,アルバイト,2020/13/1,,\r\n', UNITS);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.rows.map((x) => x.employeeNo)).toEqual(['001234']);
		expect(r.errors).toEqual([
			{ row: 3, column: '職員番号', message: 'The 職員番号 (employee number) 001234 also appears in row 2.' },
			{ row: 3, column: '氏名', message: 'The 氏名 (name) is missing.' },
			{ row: 3, column: '所属コード', message: 'The 所属コード (unit code) “999” is not registered.' },
			{
				row: 3,
				column: '雇用区分',
				message:
					'The 雇用区分 (employment type) “アルバイト” is not known (use 正規職員, 任期付職員, 再任用職員 or 会計年度任用職員).'
			},
			{
				row: 3,
				column: '採用日',
				message: 'The 採用日 (hire date) “2020/13/1” cannot be read as a date (e.g. 2026/4/1).'
			}
		]);
	});

	it('lists missing columns by their Japanese names, and refuses a workbook in English', () => {
		overwriteGetLocale(() => 'en');
		expect(readStaffCsv('職員番号,氏名\r\n', UNITS)).toEqual({
			ok: false,
			message: `Required columns are missing: フリガナ, 所属コード, 職階, 雇用区分, 採用日. Please put the headers (${CSV_TEMPLATE_HEADER.join(', ')}) in row 1.`
		});
		expect(readUnitCsv('所属コード,所属名,フリガナ,区分,上位所属コード\r\n')).toEqual({
			ok: false,
			message: 'The file has no unit rows.'
		});
		expect(
			readTrainingCsv('職員番号,種別,研修名,分野,受講日\r\n001,集合研修,研修,情報,2099/1/1\r\n', ['情報'], '2026-11-23')
		).toMatchObject({
			ok: true,
			errors: [{ row: 2, column: '受講日', message: 'A date in the future cannot be recorded.' }]
		});
		expect(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toEqual({
			ok: false,
			message: 'Excel workbooks (.xlsx) and similar files cannot be imported. In Excel, save the file again as “CSV”.'
		});
		overwriteGetLocale(base);
		expect(readStaffCsv('職員番号,氏名\r\n', UNITS)).toMatchObject({
			ok: false,
			message: expect.stringMatching(/^必要な列がありません: フリガナ、所属コード、職階、雇用区分、採用日。/)
		});
	});
});
