import { describe, expect, it } from 'vitest';
import { readTrainingCsv } from './training-csv.ts';

const CATS = ['情報セキュリティ', 'デジタル技術'];

describe('readTrainingCsv', () => {
	it('reads rows with Japanese dates and kinds, keeping leading zeros', () => {
		const r = readTrainingCsv(
			'\ufeff職員番号,種別,研修名,分野,受講日\r\n000004,外部研修,J-LIS 研修,情報セキュリティ,令和8年5月20日\r\n０００００６,資格取得,ITパスポート,デジタル技術,2026/6/1\r\n',
			CATS,
			'2026-11-23'
		);
		expect(r).toEqual({
			ok: true,
			errors: [],
			rows: [
				{
					row: 2,
					employeeNo: '000004',
					kind: 'external',
					title: 'J-LIS 研修',
					category: '情報セキュリティ',
					date: '2026-05-20'
				},
				{
					row: 3,
					employeeNo: '000006',
					kind: 'certification',
					title: 'ITパスポート',
					category: 'デジタル技術',
					date: '2026-06-01'
				}
			]
		});
	});

	it('names every problem by row and column', () => {
		const r = readTrainingCsv(
			'職員番号,種別,研修名,分野,受講日\n0001,研修,,料理,2026/2/30\n0002,集合研修,BPR,デジタル技術,2027/1/1\n',
			CATS,
			'2026-11-23'
		);
		expect(r.ok && r.rows).toEqual([]);
		expect(r.ok && r.errors.map((e) => `${e.row}:${e.column}`)).toEqual([
			'2:種別',
			'2:研修名',
			'2:分野',
			'2:受講日',
			'3:受講日'
		]);
	});

	it('refuses a file without the required columns', () => {
		expect(readTrainingCsv('氏名,日付\nx,y\n', CATS, '2026-11-23')).toEqual({
			ok: false,
			message: expect.stringContaining('必要な列がありません: 職員番号、種別、研修名、分野、受講日')
		});
	});
});
