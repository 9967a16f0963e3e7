import { createReadStream, createWriteStream, unlinkSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { person } from '../db/schema.ts';
import { csvStream, type Cell, type CsvEncoding } from './csv.ts';
import { personAssignmentPages, PERSON_ASSIGNMENT_HEADER } from './person-assignments.ts';

/**
 * The 個人別受講状況 file of an export job, written as slices of the 職員番号 order that can run
 * at the same time (one per worker thread, see export-workers.ts) and are then joined in order.
 */
export type PersonExportSpec = {
	orgId: string;
	fiscalYear: number;
	scopePaths: string[] | null;
	moduleSlug: string | null;
	encoding: CsvEncoding;
	/** the job's "today", ISO: every slice must judge 期限切れ on the same day */
	now: string;
};

/** Staff with after < 職員番号 ≤ until (null: to the end); the first slice carries the BOM and header. */
export type StaffSlice = { after: string; until: string | null; first: boolean };

/**
 * Staff per page. A page's rows (about 2,000) die young in V8: with 500 staff they outlived a
 * scavenge, were promoted and made a capped worker collect its old space again and again.
 */
export const EXPORT_PAGE_SIZE = 100;

/** Up to `parts` slices with the same number of staff each (fewer for a small organisation). */
export async function staffSlices(db: Db, orgId: string, parts: number): Promise<StaffSlice[]> {
	const [{ n }] = await db.select({ n: count() }).from(person).where(eq(person.orgId, orgId));
	const bounds: string[] = [];
	for (let i = 1; i < parts; i++) {
		const offset = Math.floor((n * i) / parts) - 1;
		if (offset < 0) continue;
		const [row] = await db
			.select({ no: person.employeeNo })
			.from(person)
			.where(eq(person.orgId, orgId))
			.orderBy(asc(person.employeeNo))
			.limit(1)
			.offset(offset);
		if (row && row.no !== bounds.at(-1)) bounds.push(row.no);
	}
	return [...bounds, null].map((until, i) => ({ after: i === 0 ? '' : bounds[i - 1], until, first: i === 0 }));
}

/** Writes one slice as CSV to `path`, calling `onRows` with the running row count after each page. */
export async function writeSlice(
	db: Db,
	spec: PersonExportSpec,
	slice: StaffSlice,
	titleOf: (slug: string) => string,
	path: string,
	onRows: (rows: number) => unknown
): Promise<number> {
	let rows = 0;
	async function* counted(pages: AsyncIterable<Cell[][]>) {
		for await (const page of pages) {
			rows += page.length;
			yield page;
			await onRows(rows);
		}
	}
	const pages = personAssignmentPages(db, {
		orgId: spec.orgId,
		fiscalYear: spec.fiscalYear,
		scopePaths: spec.scopePaths,
		moduleSlug: spec.moduleSlug ?? undefined,
		titleOf,
		pageSize: EXPORT_PAGE_SIZE,
		now: new Date(spec.now),
		after: slice.after,
		until: slice.until
	});
	const stream = csvStream(slice.first ? PERSON_ASSIGNMENT_HEADER : null, counted(pages), spec.encoding);
	await pipeline(
		Readable.fromWeb(stream as unknown as NodeReadableStream<Uint8Array>),
		createWriteStream(path, { mode: 0o600 })
	);
	return rows;
}

/** Appends the later slices' files to the first, in order, and deletes them. */
export async function joinSlices(paths: readonly string[]) {
	for (const part of paths.slice(1)) {
		await pipeline(createReadStream(part, { highWaterMark: 1 << 20 }), createWriteStream(paths[0], { flags: 'a' }));
		unlinkSync(part);
	}
}
