import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jsonRows } from '../db/json-rows';
import { toJstDate } from '../../domain/japanese-date';
import type { Recurrence } from '../../domain/assignment';
import type { AssignmentRow, ResultRow } from '../../domain/report-facts';

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The two large reads behind every report, as one JSON document each (see json-rows.ts).
 * `where` narrows them (organisation, or a page of people); the 年度 is added here.
 */
export async function readAssignmentRows(db: Db, where: SQL, range: { start: string; end: string }): Promise<AssignmentRow[]> {
	const rows = await jsonRows<[string, string, number, string, string, string]>(
		db,
		sql`SELECT json_group_array(json_array(person_id, module_slug, mandatory, due_date, recurrence, period_key)) AS j
			FROM assignment WHERE ${where} AND due_date BETWEEN ${range.start} AND ${range.end}`
	);
	return rows.map(([personId, moduleSlug, mandatory, dueDate, recurrence, periodKey]) => ({ personId, moduleSlug, mandatory: mandatory === 1, dueDate, recurrence: recurrence as Recurrence, periodKey }));
}

/** Results of the 年度, oldest first (the first attempt decides "first-attempt comprehension"). */
export async function readResultRows(db: Db, where: SQL, fiscalYear: number): Promise<ResultRow[]> {
	const rows = await jsonRows<[string, string, string, number, number, number, number]>(
		db,
		sql`SELECT json_group_array(json_array(person_id, module_slug, module_version, passed, score, max_score, submitted_at)) AS j
			FROM (SELECT person_id, module_slug, module_version, passed, score, max_score, submitted_at FROM attempt_result WHERE ${where} AND fiscal_year = ${fiscalYear} ORDER BY submitted_at)`
	);
	// only the columns used are sorted (not the answers), and each JST day is formatted once
	const days = new Map<number, string>();
	const dayOf = (ms: number) => {
		const day = Math.floor((ms + JST_OFFSET_MS) / DAY_MS);
		let iso = days.get(day);
		if (iso === undefined) days.set(day, (iso = toJstDate(new Date(ms))));
		return iso;
	};
	return rows.map(([personId, moduleSlug, moduleVersion, passed, score, maxScore, submittedAt]) => ({ personId, moduleSlug, moduleVersion, passed: passed === 1, score, maxScore, submittedOn: dayOf(submittedAt) }));
}
