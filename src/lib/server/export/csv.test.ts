import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { csvBytes, csvCell, csvHeaders, csvRow, csvStream } from './csv.ts';

describe('csvCell', () => {
	it.each([
		['plain text', '山田 太郎', '山田 太郎'],
		['a number stays a number', 85.5, '85.5'],
		['zero', 0, '0'],
		['NaN is empty', Number.NaN, ''],
		['null is empty', null, ''],
		['a comma is quoted', '総務部,総務課', '"総務部,総務課"'],
		['quotes are doubled', '「"研修"」', '"「""研修""」"'],
		['a newline is quoted', '1行目\n2行目', '"1行目\n2行目"'],
		['leading space is quoted', ' 先頭', '" 先頭"'],
		['= is neutralised', '=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
		['+ is neutralised', '+81-3', "'+81-3"],
		['- is neutralised', '-1+2', "'-1+2"],
		['@ is neutralised', '@SUM(A1)', "'@SUM(A1)"],
		['a tab at the start is neutralised', '\t=1', "'\t=1"],
		['a CR at the start is neutralised and quoted', '\r=1', `"'\r=1"`],
		['職員番号 keeps its leading zeros', { code: '000123' }, '="000123"'],
		['a code with odd characters falls back to neutralised text', { code: '=1+1' }, "'=1+1"]
	] as const)('%s', (_label, input, expected) => expect(csvCell(input)).toBe(expected));

	it('ends rows with CRLF', () => expect(csvRow(['a', 1, null])).toBe('a,1,\r\n'));
});

describe('csv bytes', () => {
	it('writes UTF-8 with a BOM by default', () => {
		const bytes = csvBytes(['職員番号', '氏名'], [[{ code: '000001' }, '森 陽子']], 'utf-8');
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder().decode(bytes.slice(3))).toBe('職員番号,氏名\r\n="000001",森 陽子\r\n');
	});

	it('writes Shift_JIS (CP932, so 髙 and ① survive) without a BOM when asked', () => {
		const bytes = csvBytes(['氏名'], [['髙橋 ①']], 'shift_jis');
		expect([...bytes.slice(0, 2)]).toEqual([0x8e, 0x81]);
		expect(iconv.decode(Buffer.from(bytes), 'cp932')).toBe('氏名\r\n髙橋 ①\r\n');
	});

	it('streams pages with the header first and the same bytes as the whole file', async () => {
		async function* pages() {
			yield [['a', 1]];
			yield [
				['b', 2],
				['c', 3]
			];
		}
		const chunks: Uint8Array[] = [];
		const reader = csvStream(['名前', '数'], pages(), 'utf-8').getReader();
		for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
		const joined = Buffer.concat(chunks);
		expect(
			Buffer.from(
				csvBytes(
					['名前', '数'],
					[
						['a', 1],
						['b', 2],
						['c', 3]
					],
					'utf-8'
				)
			).equals(joined)
		).toBe(true);
	});

	it('names the download in Japanese and forbids caching', () => {
		const h = csvHeaders('個人別受講状況_令和8年度.csv', 'shift_jis');
		expect(h['content-type']).toBe('text/csv; charset=Shift_JIS');
		expect(h['content-disposition']).toContain(
			`filename*=UTF-8''${encodeURIComponent('個人別受講状況_令和8年度.csv')}`
		);
		expect(h['cache-control']).toBe('no-store');
	});
});
