import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { jsonRows } from '../db/json-rows.ts';
import { toJstDate } from '../../domain/japanese-date.ts';
import type { Recurrence } from '../../domain/assignment.ts';
import type { AssignmentRow, ResultRow } from '../../domain/report-facts.ts';
import { yieldToEventLoop } from '../event-loop.ts';

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The two large reads behind every report, as one JSON document each (see json-rows.ts).
 * `where` narrows them (organisation, or a page of people); the 年度 is added here.
 */
export async function readAssignmentRows(
	db: Db,
	where: SQL,
	range: { start: string; end: string }
): Promise<AssignmentRow[]> {
	return toAssignmentRows(await jsonRows<RawAssignment>(db, assignmentJson(where, range)));
}

/** The assignments due in the 年度 as one JSON array in a column `j` (a scalar subquery too). */
export const assignmentJson = (where: SQL, range: { start: string; end: string }) =>
	sql`SELECT json_group_array(json_array(person_id, module_slug, mandatory, due_date, recurrence, period_key)) AS j
		FROM assignment WHERE ${where} AND due_date BETWEEN ${range.start} AND ${range.end}`;

export type RawAssignment = [string, string, number, string, string, string];

export const toAssignmentRows = (rows: RawAssignment[]): AssignmentRow[] =>
	rows.map(([personId, moduleSlug, mandatory, dueDate, recurrence, periodKey]) => ({
		personId,
		moduleSlug,
		mandatory: mandatory === 1,
		dueDate,
		recurrence: recurrence as Recurrence,
		periodKey
	}));

/** Results of the 年度, oldest first (the first attempt decides "first-attempt comprehension"). */
export async function readResultRows(db: Db, where: SQL, fiscalYear: number): Promise<ResultRow[]> {
	return toResultRows(await jsonRows<RawResult>(db, resultJson(where, fiscalYear)));
}

/** The results of the 年度, oldest first, as one JSON array in a column `j`; only the columns used are sorted (not the answers). */
export const resultJson = (where: SQL, fiscalYear: number) =>
	sql`SELECT json_group_array(json_array(person_id, module_slug, module_version, passed, score, max_score, submitted_at)) AS j
		FROM (SELECT person_id, module_slug, module_version, passed, score, max_score, submitted_at FROM attempt_result WHERE ${where} AND fiscal_year = ${fiscalYear} ORDER BY submitted_at)`;

export type RawResult = [string, string, string, number, number, number, number];

/** Result rows from their raw columns, each JST day formatted once (not once per result). */
export function toResultRows(rows: RawResult[]): ResultRow[] {
	const days = new Map<number, string>();
	const dayOf = (ms: number) => {
		const day = Math.floor((ms + JST_OFFSET_MS) / DAY_MS);
		let iso = days.get(day);
		if (iso === undefined) days.set(day, (iso = toJstDate(new Date(ms))));
		return iso;
	};
	return rows.map(([personId, moduleSlug, moduleVersion, passed, score, maxScore, submittedAt]) => ({
		personId,
		moduleSlug,
		moduleVersion,
		passed: passed === 1,
		score,
		maxScore,
		submittedOn: dayOf(submittedAt)
	}));
}

const CHUNK = 25_000;

/**
 * A whole organisation's rows, read in table order 25,000 at a time with the event loop let go
 * between reads: one read of 600,000 rows held every other request for seconds (issue #7). The
 * unary `+` keeps SQLite on the table scan by rowid instead of the (org_id, …) indexes.
 */
async function readInChunks<T extends unknown[]>(db: Db, chunk: number, query: (after: number) => SQL): Promise<T[]> {
	const out: T[] = [];
	for (let after = 0; ;) {
		const rows = await jsonRows<[number, ...T]>(db, query(after));
		for (const [, ...rest] of rows) out.push(rest as unknown as T);
		if (rows.length < chunk) return out;
		after = rows[rows.length - 1][0];
		await yieldToEventLoop();
	}
}

/** readAssignmentRows for a whole organisation, without blocking the event loop. */
export async function readOrgAssignmentRows(
	db: Db,
	orgId: string,
	range: { start: string; end: string },
	chunk = CHUNK
): Promise<AssignmentRow[]> {
	const rows = await readInChunks<RawAssignment>(
		db,
		chunk,
		(
			after
		) => sql`SELECT json_group_array(json_array(rowid, person_id, module_slug, mandatory, due_date, recurrence, period_key)) AS j
			FROM (SELECT rowid, person_id, module_slug, mandatory, due_date, recurrence, period_key FROM assignment
				WHERE rowid > ${after} AND +org_id = ${orgId} AND +due_date BETWEEN ${range.start} AND ${range.end} ORDER BY rowid LIMIT ${chunk})`
	);
	await yieldToEventLoop();
	return toAssignmentRows(rows);
}

/** readResultRows for a whole organisation (oldest first), without blocking the event loop. */
export async function readOrgResultRows(
	db: Db,
	orgId: string,
	fiscalYear: number,
	chunk = CHUNK
): Promise<ResultRow[]> {
	const rows = await readInChunks<RawResult>(
		db,
		chunk,
		(
			after
		) => sql`SELECT json_group_array(json_array(rowid, person_id, module_slug, module_version, passed, score, max_score, submitted_at)) AS j
			FROM (SELECT rowid, person_id, module_slug, module_version, passed, score, max_score, submitted_at FROM attempt_result
				WHERE rowid > ${after} AND +org_id = ${orgId} AND +fiscal_year = ${fiscalYear} ORDER BY rowid LIMIT ${chunk})`
	);
	await yieldToEventLoop();
	// oldest first, as readResultRows (the sort is stable: equal instants stay in table order)
	rows.sort((a, b) => a[6] - b[6]);
	await yieldToEventLoop();
	return toResultRows(rows);
}
