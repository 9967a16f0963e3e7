/**
 * CSV that opens correctly in Excel: one value per column, CRLF, UTF-8 with a BOM (or
 * Shift_JIS/CP932 on request), numbers as numbers, codes such as 職員番号 as text, and any
 * cell that Excel would run as a formula (= + - @, tab, CR) neutralised with a leading '.
 */
import iconv from 'iconv-lite';

/** A code that must stay text (leading zeros): written as ="000123", which Excel shows as 000123. */
export type CodeCell = { code: string };
export type Cell = string | number | null | undefined | CodeCell;

export type CsvEncoding = 'utf-8' | 'shift_jis';

const FORMULA_START = /^[=+\-@\t\r\n\u0000-\u001f]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const SAFE_CODE = /^[0-9A-Za-z-]{1,40}$/;
/** Text that needs neither the ' nor quotes (the common case, tested once). */
const PLAIN = /^(?![=+\-@\s\u0000-\u001f])[^",\r\n\u0000-\u001f]*(?<!\s)$/;

export function csvCell(v: Cell): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	if (typeof v === 'object') return SAFE_CODE.test(v.code) ? `="${v.code}"` : csvCell(v.code);
	if (PLAIN.test(v)) return v;
	const text = FORMULA_START.test(v) ? `'${v}` : v;
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly Cell[]): string {
	let line = '';
	for (let i = 0; i < cells.length; i++) line += i === 0 ? csvCell(cells[i]) : `,${csvCell(cells[i])}`;
	return `${line}\r\n`;
}

/** Rows as CSV text; a page of 40,000 rows is one string, built without an array per row. */
export function csvRows(rows: readonly (readonly Cell[])[]): string {
	let text = '';
	for (const r of rows) text += csvRow(r);
	return text;
}

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

export function encodeCsv(text: string, encoding: CsvEncoding): Uint8Array {
	return encoding === 'shift_jis' ? new Uint8Array(iconv.encode(text, 'cp932')) : new TextEncoder().encode(text);
}

/** A whole small CSV as bytes. */
export function csvBytes(
	header: readonly string[],
	rows: readonly (readonly Cell[])[],
	encoding: CsvEncoding
): Uint8Array {
	const body = encodeCsv(csvRow(header) + csvRows(rows), encoding);
	if (encoding === 'shift_jis') return body;
	const out = new Uint8Array(BOM.length + body.length);
	out.set(BOM);
	out.set(body, BOM.length);
	return out;
}

/**
 * A large CSV as a stream: pages of rows are pulled one at a time (so memory stays bounded
 * by a page) and encoded as they go. Rows never split across chunks, so Shift_JIS stays valid.
 * With no header (a later slice of a file written in parts) there is no BOM either.
 */
export function csvStream(
	header: readonly string[] | null,
	pages: AsyncIterable<readonly (readonly Cell[])[]>,
	encoding: CsvEncoding
): ReadableStream<Uint8Array> {
	const it = pages[Symbol.asyncIterator]();
	let started = false;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			if (!started) {
				started = true;
				if (header) {
					if (encoding === 'utf-8') controller.enqueue(BOM);
					controller.enqueue(encodeCsv(csvRow(header), encoding));
					return;
				}
			}
			const next = await it.next();
			if (next.done) return controller.close();
			controller.enqueue(encodeCsv(csvRows(next.value), encoding));
		},
		async cancel() {
			await it.return?.();
		}
	});
}

/** The download headers: a Japanese file name (RFC 5987) and no caching of personal data. */
export function csvHeaders(fileName: string, encoding: CsvEncoding): Record<string, string> {
	const charset = encoding === 'shift_jis' ? 'Shift_JIS' : 'UTF-8';
	return {
		'content-type': `text/csv; charset=${charset}`,
		'content-disposition': `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
		'cache-control': 'no-store'
	};
}
