import { eq, sql } from 'drizzle-orm';
import {
	assignmentJson,
	resultJson,
	toAssignmentRows,
	toResultRows,
	type RawAssignment,
	type RawResult
} from '../reports/fact-rows.ts';
import { jsonRows } from '../db/json-rows.ts';
import type { Db } from '../db/client.ts';
import { orgUnit } from '../db/schema.ts';
import { departmentIdOf, isInSubtree } from '../../domain/unit-path.ts';
import { ASSIGNMENT_STATUS_LABELS } from '../../domain/assignment.ts';
import { fiscalYearRange, formatFiscalYear, toJstDate } from '../../domain/japanese-date.ts';
import { buildFacts, factStatus, type ExemptionRow } from '../../domain/report-facts.ts';
import type { Cell } from './csv.ts';
import * as m from '../../paraglide/messages.js';

export const PERSON_ASSIGNMENT_HEADER = [
	'年度',
	'職員番号',
	'氏名',
	'フリガナ',
	'部',
	'所属',
	'職階',
	'在職',
	'研修',
	'必修',
	'期限',
	'状態',
	'受験回数',
	'最高得点率(%)',
	'合格日'
];

/**
 * 個人別受講状況, one row per person and assigned module of the 年度, read a page of staff at
 * a time (ordered by 職員番号) so that 30,000 staff × 20 modules never sit in memory at once.
 * `scopePaths` limits it to a 課長's units; `moduleSlug` makes it the module × persons list;
 * `after`/`until` read one slice of the 職員番号 order (after < 職員番号 ≤ until), so that slices
 * can be written in parallel and joined.
 */
export async function* personAssignmentPages(
	db: Db,
	opts: {
		orgId: string;
		fiscalYear: number;
		scopePaths: string[] | null;
		moduleSlug?: string;
		titleOf: (slug: string) => string;
		pageSize?: number;
		now?: Date;
		after?: string;
		until?: string | null;
	}
): AsyncGenerator<Cell[][]> {
	const { start, end } = fiscalYearRange(opts.fiscalYear);
	const today = toJstDate(opts.now ?? new Date());
	const refDate = today < end ? today : end;
	const fy = formatFiscalYear(opts.fiscalYear);
	const units = new Map(
		(
			await db
				.select({ id: orgUnit.id, name: orgUnit.name, path: orgUnit.path })
				.from(orgUnit)
				.where(eq(orgUnit.orgId, opts.orgId))
		).map((u) => [u.id, u])
	);
	let after = opts.after ?? '';
	const upTo = opts.until ? sql`AND employee_no <= ${opts.until}` : sql``;
	const moduleFilter = opts.moduleSlug ? sql`AND module_slug = ${opts.moduleSlug}` : sql``;
	for (;;) {
		// a page of staff with the unit each belongs to on the reference date (the latest started)
		const people = (
			await jsonRows<[string, string, string, string, string, number, string | null]>(
				db,
				sql`SELECT json_group_array(json_array(id, employee_no, name, kana, job_grade, active,
					(SELECT unit_id FROM unit_membership WHERE person_id = p.id AND start_date <= ${refDate} AND (end_date IS NULL OR end_date >= ${refDate}) ORDER BY start_date DESC LIMIT 1))) AS j
				FROM (SELECT id, employee_no, name, kana, job_grade, active FROM person WHERE org_id = ${opts.orgId} AND employee_no > ${after} ${upTo} ORDER BY employee_no LIMIT ${opts.pageSize ?? 500}) AS p`
			)
		).map(([id, employeeNo, name, kana, jobGrade, active, unitId]) => ({
			id,
			employeeNo,
			name,
			kana,
			jobGrade,
			active: active === 1,
			unit: unitId === null ? undefined : units.get(unitId)
		}));
		if (people.length === 0) return;
		after = people.at(-1)!.employeeNo;
		const visible = people.filter(
			(p) => opts.scopePaths === null || (!!p.unit && opts.scopePaths.some((s) => isInSubtree(p.unit!.path, s)))
		);
		if (visible.length === 0) continue;
		// the page's assignments, results, exemptions and reading progress in one statement
		const ids = sql`person_id IN (SELECT value FROM json_each(${JSON.stringify(visible.map((p) => p.id))}))`;
		const [[rawRows, rawResults, exemptions, progress]] = await jsonRows<
			[RawAssignment[], RawResult[], ExemptionRow[], [string, string][]]
		>(
			db,
			sql`SELECT json_array(json_array(json((${assignmentJson(sql`${ids} ${moduleFilter}`, { start, end })})), json((${resultJson(ids, opts.fiscalYear)})),
				json((SELECT json_group_array(json_object('personId', person_id, 'moduleSlug', module_slug, 'from', from_date, 'to', to_date)) FROM exemption WHERE ${ids})),
				json((SELECT json_group_array(json_array(person_id, module_slug)) FROM module_progress WHERE ${ids})))) AS j`
		);
		const [rows, results] = [toAssignmentRows(rawRows), toResultRows(rawResults)];
		const started = new Set(progress.map(([personId, slug]) => `${personId}\u0000${slug}`));
		const facts = buildFacts(rows, results, exemptions, refDate).filter((f) => f.assigned);
		const factsOf = new Map<string, typeof facts>();
		for (const f of facts) {
			let list = factsOf.get(f.personId);
			if (!list) factsOf.set(f.personId, (list = []));
			list.push(f);
		}
		const out: Cell[][] = [];
		for (const p of visible) {
			const u = p.unit;
			const dept = u ? units.get(departmentIdOf(u.path) ?? '') : undefined;
			for (const f of (factsOf.get(p.id) ?? []).sort(
				(a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.moduleSlug.localeCompare(b.moduleSlug)
			)) {
				const status = factStatus(f, today, started.has(`${p.id}\u0000${f.moduleSlug}`));
				out.push([
					fy,
					{ code: p.employeeNo },
					p.name,
					p.kana,
					dept?.name ?? '',
					u?.name ?? '',
					p.jobGrade,
					p.active ? m.report_active() : m.report_left(),
					opts.titleOf(f.moduleSlug),
					f.mandatory ? m.report_mandatory() : m.report_recommended(),
					f.dueDate,
					ASSIGNMENT_STATUS_LABELS[status],
					f.attempts,
					f.bestScorePct,
					f.passedOn
				]);
			}
		}
		if (out.length) yield out;
	}
}
