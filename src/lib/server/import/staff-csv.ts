import { parse } from 'csv-parse/sync';
import { isIsoDate } from '../../domain/japanese-date.ts';
import { isKatakanaName, normaliseKana } from '../../domain/kana.ts';
import type { EmploymentType } from '../../domain/labels.ts';
import * as m from '../../paraglide/messages.js';

/** One staff row as read from the 職員名簿 CSV, normalised. */
export type StaffRow = {
	row: number;
	employeeNo: string;
	name: string;
	kana: string;
	unitCode: string;
	jobGrade: string;
	employmentType: EmploymentType;
	hireDate: string;
	email: string | null;
	tags: string[];
	/** the date a change of 所属 takes effect (人事異動); defaults to the import date */
	effectiveDate: string | null;
};

export type RowError = { row: number; column: string; message: string };

/** `mentioned`: every 職員番号 in the file, also those on rows with errors (never deactivated). */
export type StaffCsv =
	{ ok: true; rows: StaffRow[]; errors: RowError[]; mentioned: string[] } | { ok: false; message: string };

type Column = keyof Omit<StaffRow, 'row'>;

/** Header names HR may use (after removing spaces); the first one is the documented name. */
const HEADERS: Record<Column, string[]> = {
	employeeNo: ['職員番号', '職員コード', '職員no'],
	name: ['氏名', '名前'],
	kana: ['フリガナ', 'ふりがな', '氏名カナ', 'カナ氏名', 'よみがな'],
	unitCode: ['所属コード', '所属cd'],
	jobGrade: ['職階', '職名'],
	employmentType: ['雇用区分', '任用区分'],
	hireDate: ['採用日', '採用年月日'],
	email: ['メール', 'メールアドレス', 'eメール'],
	tags: ['タグ', '担当', '属性'],
	effectiveDate: ['異動日', '発令日']
};
const REQUIRED: Column[] = ['employeeNo', 'name', 'kana', 'unitCode', 'jobGrade', 'employmentType', 'hireDate'];

export const CSV_TEMPLATE_HEADER = REQUIRED.concat(['email', 'tags', 'effectiveDate']).map((c) => HEADERS[c][0]);

const EMPLOYMENT: Record<string, EmploymentType> = {
	正規職員: 'regular',
	正規: 'regular',
	一般職員: 'regular',
	任期付職員: 'fixed_term',
	任期付: 'fixed_term',
	再任用職員: 'reappointed',
	再任用: 'reappointed',
	会計年度任用職員: 'part_time_fy',
	会計年度任用: 'part_time_fy',
	会計年度: 'part_time_fy'
};

const ERAS: Record<string, number> = { 令和: 2018, R: 2018, 平成: 1988, H: 1988, 昭和: 1925, S: 1925 };

/** 2026-04-01, 2026/4/1 (Excel), 令和8年4月1日, R8.4.1 → ISO date, or null. */
export function parseJapaneseDate(input: string): string | null {
	const s = input.normalize('NFKC').trim().replace(/元年/, '1年');
	let y: number, m: number, d: number;
	const western = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
	const wareki = /^(令和|平成|昭和|[RHS])(\d{1,2})[.年](\d{1,2})[.月](\d{1,2})日?$/i.exec(s);
	if (western) [y, m, d] = [Number(western[1]), Number(western[2]), Number(western[3])];
	else if (wareki)
		[y, m, d] = [ERAS[wareki[1].toUpperCase()] + Number(wareki[2]), Number(wareki[3]), Number(wareki[4])];
	else return null;
	const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
	return isIsoDate(iso) ? iso : null;
}

/** Spaces (incl. 全角) collapsed. Names keep their exact characters: NFKC would turn 﨑 into 崎. */
const clean = (s: string) => s.replace(/[\s\u3000]+/g, ' ').trim();
const narrow = (s: string) => clean(s.normalize('NFKC'));

function findColumns(header: string[]): { map: Map<Column, number> } | { missing: string[] } {
	const keys = header.map((h) => h.normalize('NFKC').replace(/\s/g, '').toLowerCase());
	const map = new Map<Column, number>();
	for (const [col, names] of Object.entries(HEADERS) as [Column, string[]][]) {
		const i = keys.findIndex((k) => names.some((n) => n.toLowerCase() === k));
		if (i >= 0) map.set(col, i);
	}
	const missing = REQUIRED.filter((c) => !map.has(c)).map((c) => HEADERS[c][0]);
	return missing.length > 0 ? { missing } : { map };
}

/** Names the missing columns (they stay Japanese: they are the CSV's own headers). */
export const missingColumnsMessage = (missing: readonly string[], header: readonly string[]) =>
	m.import_err_missing_columns({ missing: missing.join(m.import_list_sep()), header: header.join(', ') });

/** The records of a CSV as Excel writes it (BOM, quoted newlines, ragged rows), header first. */
export function readCsvRecords(text: string): { ok: true; records: string[][] } | { ok: false; message: string } {
	let records: string[][];
	try {
		records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
	} catch (e) {
		return { ok: false, message: m.import_err_csv_unreadable({ detail: (e as Error).message.split('\n')[0] }) };
	}
	return records.length === 0 ? { ok: false, message: m.import_err_no_header() } : { ok: true, records };
}

/**
 * Parses the staff list. Row numbers are those Excel shows (the header is row 1). Every problem
 * is reported with its row and column; rows with problems are left out of `rows`.
 */
export function readStaffCsv(text: string, knownUnitCodes: ReadonlySet<string>): StaffCsv {
	const read = readCsvRecords(text);
	if (!read.ok) return read;
	const records = read.records;
	const columns = findColumns(records[0]);
	if ('missing' in columns) return { ok: false, message: missingColumnsMessage(columns.missing, CSV_TEMPLATE_HEADER) };
	const get = (rec: string[], col: Column) => clean(columns.map.has(col) ? (rec[columns.map.get(col)!] ?? '') : '');

	const rows: StaffRow[] = [];
	const errors: RowError[] = [];
	const seen = new Map<string, number>();
	const mentioned = new Set<string>();
	records.slice(1).forEach((rec, i) => {
		const row = i + 2;
		const before = errors.length;
		const err = (col: Column, message: string) => errors.push({ row, column: HEADERS[col][0], message });
		const employeeNo = narrow(get(rec, 'employeeNo'));
		if (employeeNo) mentioned.add(employeeNo);
		if (!employeeNo) err('employeeNo', m.import_err_employee_no_missing());
		else if (!/^[0-9A-Za-z-]{1,20}$/.test(employeeNo))
			err('employeeNo', m.import_err_employee_no_chars({ value: employeeNo }));
		else if (seen.has(employeeNo))
			err('employeeNo', m.import_err_employee_no_duplicate({ value: employeeNo, row: seen.get(employeeNo)! }));
		else seen.set(employeeNo, row);
		const name = get(rec, 'name');
		if (!name) err('name', m.import_err_name_missing());
		const kana = normaliseKana(get(rec, 'kana'));
		if (!isKatakanaName(kana)) err('kana', m.import_err_kana_invalid());
		const unitCode = narrow(get(rec, 'unitCode'));
		if (!knownUnitCodes.has(unitCode)) err('unitCode', m.import_err_unit_code_unknown({ value: unitCode }));
		const jobGrade = get(rec, 'jobGrade');
		if (!jobGrade) err('jobGrade', m.import_err_job_grade_missing());
		const employmentType = EMPLOYMENT[narrow(get(rec, 'employmentType')).replace(/\s/g, '')];
		if (!employmentType) err('employmentType', m.import_err_employment_unknown({ value: get(rec, 'employmentType') }));
		const hireDate = parseJapaneseDate(get(rec, 'hireDate'));
		if (!hireDate) err('hireDate', m.import_err_hire_date_invalid({ value: get(rec, 'hireDate') }));
		const effectiveRaw = get(rec, 'effectiveDate');
		const effectiveDate = effectiveRaw ? parseJapaneseDate(effectiveRaw) : null;
		if (effectiveRaw && !effectiveDate)
			err('effectiveDate', m.import_err_effective_date_invalid({ value: effectiveRaw }));
		const email = narrow(get(rec, 'email')) || null;
		if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) err('email', m.import_err_email_invalid({ value: email }));
		const tags = [
			...new Set(
				get(rec, 'tags')
					.split(/[、,;／/ ]+/)
					.filter(Boolean)
			)
		];
		if (errors.length === before)
			rows.push({
				row,
				employeeNo,
				name,
				kana,
				unitCode,
				jobGrade,
				employmentType: employmentType!,
				hireDate: hireDate!,
				email,
				tags,
				effectiveDate
			});
	});
	return { ok: true, rows, errors, mentioned: [...mentioned] };
}
