import { and, asc, eq, gt, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { readAssignmentRows, readResultRows } from '../reports/fact-rows';
import type { Db } from '../db/client';
import { exemption, moduleProgress, orgUnit, person, unitMembership } from '../db/schema';
import { isInSubtree } from '../../domain/access';
import { ASSIGNMENT_STATUS_LABELS } from '../../domain/assignment';
import { fiscalYearRange, formatFiscalYear, toJstDate } from '../../domain/japanese-date';
import { buildFacts, factStatus } from '../../domain/report-facts';
import type { Cell } from './csv';
import * as m from '../../paraglide/messages';

export const PERSON_ASSIGNMENT_HEADER = ['年度', '職員番号', '氏名', 'フリガナ', '部', '所属', '職階', '在職', '研修', '必修', '期限', '状態', '受験回数', '最高得点率(%)', '合格日'];

/**
 * 個人別受講状況, one row per person and assigned module of the 年度, read a page of staff at
 * a time (ordered by 職員番号) so that 30,000 staff × 20 modules never sit in memory at once.
 * `scopePaths` limits it to a 課長's units; `moduleSlug` makes it the module × persons list;
 * `after`/`until` read one slice of the 職員番号 order (after < 職員番号 ≤ until), so that slices
 * can be written in parallel and joined.
 */
export async function* personAssignmentPages(
	db: Db,
	opts: { orgId: string; fiscalYear: number; scopePaths: string[] | null; moduleSlug?: string; titleOf: (slug: string) => string; pageSize?: number; now?: Date; after?: string; until?: string | null }
): AsyncGenerator<Cell[][]> {
	const { start, end } = fiscalYearRange(opts.fiscalYear);
	const today = toJstDate(opts.now ?? new Date());
	const refDate = today < end ? today : end;
	const fy = formatFiscalYear(opts.fiscalYear);
	const units = new Map((await db.select({ id: orgUnit.id, name: orgUnit.name, path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.orgId, opts.orgId))).map((u) => [u.id, u]));
	let after = opts.after ?? '';
	const upTo = opts.until ? lte(person.employeeNo, opts.until) : undefined;
	for (;;) {
		const people = await db
			.select({ id: person.id, employeeNo: person.employeeNo, name: person.name, kana: person.kana, jobGrade: person.jobGrade, active: person.active })
			.from(person)
			.where(and(eq(person.orgId, opts.orgId), gt(person.employeeNo, after), upTo))
			.orderBy(asc(person.employeeNo))
			.limit(opts.pageSize ?? 500);
		if (people.length === 0) return;
		after = people.at(-1)!.employeeNo;
		const ids = people.map((p) => p.id);
		const memberships = await db
			.select({ personId: unitMembership.personId, unitId: unitMembership.unitId })
			.from(unitMembership)
			.where(and(inArray(unitMembership.personId, ids), lte(unitMembership.startDate, refDate), or(isNull(unitMembership.endDate), gte(unitMembership.endDate, refDate))));
		const unitOf = new Map(memberships.map((x) => [x.personId, units.get(x.unitId)]));
		const visible = people.filter((p) => {
			const u = unitOf.get(p.id);
			return opts.scopePaths === null || (!!u && opts.scopePaths.some((s) => isInSubtree(u.path, s)));
		});
		if (visible.length === 0) continue;
		const vids = visible.map((p) => p.id);
		const idList = JSON.stringify(vids);
		const moduleFilter = opts.moduleSlug ? sql`AND module_slug = ${opts.moduleSlug}` : sql``;
		const [rows, results, exemptions, progress] = await Promise.all([
			readAssignmentRows(db, sql`person_id IN (SELECT value FROM json_each(${idList})) ${moduleFilter}`, { start, end }),
			readResultRows(db, sql`person_id IN (SELECT value FROM json_each(${idList}))`, opts.fiscalYear),
			db.select({ personId: exemption.personId, moduleSlug: exemption.moduleSlug, from: exemption.fromDate, to: exemption.toDate }).from(exemption).where(inArray(exemption.personId, vids)),
			db.select({ personId: moduleProgress.personId, moduleSlug: moduleProgress.moduleSlug }).from(moduleProgress).where(inArray(moduleProgress.personId, vids))
		]);
		const started = new Set(progress.map((p) => `${p.personId}\u0000${p.moduleSlug}`));
		const facts = buildFacts(rows, results, exemptions, refDate)
			.filter((f) => f.assigned);
		const factsOf = new Map<string, typeof facts>();
		for (const f of facts) {
			let list = factsOf.get(f.personId);
			if (!list) factsOf.set(f.personId, (list = []));
			list.push(f);
		}
		const out: Cell[][] = [];
		for (const p of visible) {
			const u = unitOf.get(p.id);
			const dept = u ? units.get(u.path.split('/').filter(Boolean)[0]) : undefined;
			for (const f of (factsOf.get(p.id) ?? []).sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.moduleSlug.localeCompare(b.moduleSlug))) {
				const status = factStatus(f, today, started.has(`${p.id}\u0000${f.moduleSlug}`));
				out.push([fy, { code: p.employeeNo }, p.name, p.kana, dept?.name ?? '', u?.name ?? '', p.jobGrade, p.active ? m.report_active() : m.report_left(), opts.titleOf(f.moduleSlug), f.mandatory ? m.report_mandatory() : m.report_recommended(), f.dueDate, ASSIGNMENT_STATUS_LABELS[status], f.attempts, f.bestScorePct, f.passedOn]);
			}
		}
		if (out.length) yield out;
	}
}
