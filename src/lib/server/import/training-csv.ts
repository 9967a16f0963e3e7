import { missingColumnsMessage, parseJapaneseDate, readCsvRecords } from './staff-csv.ts';
import type { RowError } from './staff-csv.ts';
import * as m from '../../paraglide/messages.js';

export const TRAINING_CSV_HEADER = ['職員番号', '種別', '研修名', '分野', '受講日'];
const KINDS: Record<string, 'classroom' | 'external' | 'certification'> = {
	集合研修: 'classroom',
	外部研修: 'external',
	資格取得: 'certification',
	資格: 'certification'
};

export type TrainingRow = {
	row: number;
	employeeNo: string;
	kind: 'classroom' | 'external' | 'certification';
	title: string;
	category: string;
	date: string;
};
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
	if (missing.length) return { ok: false, message: missingColumnsMessage(missing, TRAINING_CSV_HEADER) };
	const rows: TrainingRow[] = [];
	const errors: RowError[] = [];
	records.slice(1).forEach((rec, i) => {
		const row = i + 2;
		const [no, kind, title, category, date] = at.map((k) => (rec[k] ?? '').replace(/[\s\u3000]+/g, ' ').trim());
		const problems: RowError[] = [];
		const employeeNo = no.normalize('NFKC');
		if (!/^[0-9A-Za-z-]{1,20}$/.test(employeeNo))
			problems.push({ row, column: '職員番号', message: m.import_err_training_employee_no() });
		if (!KINDS[kind]) problems.push({ row, column: '種別', message: m.import_err_training_kind() });
		if (!title || title.length > 100) problems.push({ row, column: '研修名', message: m.import_err_training_title() });
		if (!categories.includes(category))
			problems.push({
				row,
				column: '分野',
				message: m.import_err_training_category({ list: categories.join(m.import_list_sep()) })
			});
		const iso = parseJapaneseDate(date);
		if (!iso) problems.push({ row, column: '受講日', message: m.import_err_training_date() });
		else if (iso > today) problems.push({ row, column: '受講日', message: m.import_err_training_future() });
		if (problems.length) errors.push(...problems);
		else rows.push({ row, employeeNo, kind: KINDS[kind], title, category, date: iso! });
	});
	return { ok: true, rows, errors };
}
