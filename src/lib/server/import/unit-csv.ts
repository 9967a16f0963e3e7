/** Reads the organisation chart CSV (所属コード, 所属名, フリガナ, 区分, 上位所属コード). */
import { missingColumnsMessage, readCsvRecords } from './staff-csv.ts';
import { KIND_LABELS, type IncomingUnit, type UnitRowError } from '../../domain/unit-import.ts';
import { isKatakanaName, normaliseKana } from '../../domain/kana.ts';
import * as m from '../../paraglide/messages.js';

export const UNIT_CSV_HEADER = ['所属コード', '所属名', 'フリガナ', '区分', '上位所属コード'];

export type UnitCsv = { ok: true; rows: IncomingUnit[]; errors: UnitRowError[] } | { ok: false; message: string };

export function readUnitCsv(text: string): UnitCsv {
	const read = readCsvRecords(text);
	if (!read.ok) return read;
	const header = read.records[0].map((h) => h.normalize('NFKC').replace(/\s/g, ''));
	const at = UNIT_CSV_HEADER.map((h) => header.indexOf(h.normalize('NFKC')));
	const missing = UNIT_CSV_HEADER.filter((_, i) => at[i] < 0);
	if (missing.length) return { ok: false, message: missingColumnsMessage(missing, UNIT_CSV_HEADER) };
	const rows: IncomingUnit[] = [];
	const errors: UnitRowError[] = [];
	read.records.slice(1).forEach((rec, i) => {
		const row = i + 2;
		const [code, name, kana, kind, parent] = at.map((k) => (rec[k] ?? '').replace(/[\s\u3000]+/g, ' ').trim());
		const problems: UnitRowError[] = [];
		const c = code.normalize('NFKC');
		const p = parent.normalize('NFKC');
		if (!/^[0-9A-Za-z-]{1,20}$/.test(c))
			problems.push({ row, column: '所属コード', message: m.import_err_unit_code_format() });
		if (!name || name.length > 60) problems.push({ row, column: '所属名', message: m.import_err_unit_name() });
		const k = normaliseKana(kana);
		if (!isKatakanaName(k)) problems.push({ row, column: 'フリガナ', message: m.import_err_unit_kana() });
		if (!KIND_LABELS[kind]) problems.push({ row, column: '区分', message: m.import_err_unit_kind() });
		if (p && !/^[0-9A-Za-z-]{1,20}$/.test(p))
			problems.push({ row, column: '上位所属コード', message: m.import_err_parent_code_format() });
		if (problems.length) errors.push(...problems);
		else rows.push({ row, code: c, name, kana: k, kind: KIND_LABELS[kind], parentCode: p || null });
	});
	if (rows.length === 0 && errors.length === 0) return { ok: false, message: m.import_err_no_unit_rows() };
	return { ok: true, rows, errors };
}
