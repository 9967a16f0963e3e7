import { parseJapaneseDate, readCsvRecords } from './staff-csv';
import type { RowError } from './staff-csv';

export const TRAINING_CSV_HEADER = ['職員番号', '種別', '研修名', '分野', '受講日'];
const KINDS: Record<string, 'classroom' | 'external' | 'certification'> = { 集合研修: 'classroom', 外部研修: 'external', 資格取得: 'certification', 資格: 'certification' };

export type TrainingRow = { row: number; employeeNo: string; kind: 'classroom' | 'external' | 'certification'; title: string; category: string; date: string };
export type TrainingCsv = { ok: true; rows: TrainingRow[]; errors: RowError[] } | { ok: false; message: string };

/**
 * Reads classroom, external and certification records (header: 職員番号, 種別, 研修名, 分野,
 * 受講日). Every problem is named with its row (as Excel numbers it) and column.
 */
export function readTrainingCsv(text: string, categories: readonly string[], today: string): TrainingCsv {
	const read = readCsvRecords(text);
	if (!read.ok) return read;
	const records = read.records;
	const header = records[0].map((h) => h.normalize('NFKC').replace(/\s/g, ''));
	const at = TRAINING_CSV_HEADER.map((h) => header.indexOf(h));
	const missing = TRAINING_CSV_HEADER.filter((_, i) => at[i] < 0);
	if (missing.length) return { ok: false, message: `必要な列がありません: ${missing.join('、')}。1 行目に見出し（${TRAINING_CSV_HEADER.join(', ')}）を入れてください。` };
	const rows: TrainingRow[] = [];
	const errors: RowError[] = [];
	records.slice(1).forEach((rec, i) => {
		const row = i + 2;
		const [no, kind, title, category, date] = at.map((k) => (rec[k] ?? '').replace(/[\s\u3000]+/g, ' ').trim());
		const problems: RowError[] = [];
		const employeeNo = no.normalize('NFKC');
		if (!/^[0-9A-Za-z-]{1,20}$/.test(employeeNo)) problems.push({ row, column: '職員番号', message: '職員番号を数字（と英字）で入力してください。' });
		if (!KINDS[kind]) problems.push({ row, column: '種別', message: '種別は「集合研修」「外部研修」「資格取得」のいずれかにしてください。' });
		if (!title || title.length > 100) problems.push({ row, column: '研修名', message: '研修名を100文字以内で入力してください。' });
		if (!categories.includes(category)) problems.push({ row, column: '分野', message: `分野は次のいずれかにしてください: ${categories.join('、')}` });
		const iso = parseJapaneseDate(date);
		if (!iso) problems.push({ row, column: '受講日', message: '日付を正しく入力してください（例: 2026/5/20 または 令和8年5月20日）。' });
		else if (iso > today) problems.push({ row, column: '受講日', message: '未来の日付は記録できません。' });
		if (problems.length) errors.push(...problems);
		else rows.push({ row, employeeNo, kind: KINDS[kind], title, category, date: iso! });
	});
	return { ok: true, rows, errors };
}
