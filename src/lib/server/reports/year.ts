import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import { departmentIdOf, isInSubtree, sectionIdOf } from '../../domain/unit-path.ts';
import { readAssignmentRows, readOrgAssignmentRows, readOrgResultRows, readResultRows } from './fact-rows.ts';
import type { Db } from '../db/client.ts';
import { attemptItem, attemptResult, exemption, orgUnit, trainingRecord } from '../db/schema.ts';
import { loadStaffSnapshot } from '../staff-snapshot.ts';
import { fiscalYearRange, toJstDate, type IsoDate } from '../../domain/japanese-date.ts';
import { buildFacts, type ExemptionRow, type ModuleFact, type PersonFact } from '../../domain/report-facts.ts';
import { yieldToEventLoop } from '../event-loop.ts';

export type ReportPerson = PersonFact & { name: string; kana: string; employeeNo: string; unitPath: string | null };

/** Everything a 年度's reports are computed from, read in a handful of queries. */
export type YearData = {
	orgId: string;
	fiscalYear: number;
	/** membership date: the 年度's last day, or today while it runs */
	refDate: IsoDate;
	/** status date (期限切れ is judged against today) */
	today: IsoDate;
	facts: ModuleFact[];
	people: Map<string, ReportPerson>;
	/** per module and question: how often answered and missed in the 年度 */
	items: { moduleSlug: string; itemId: string; answered: number; wrong: number }[];
	units: Map<
		string,
		{ id: string; name: string; kind: string; parentId: string | null; path: string; sortOrder: number }
	>;
	/** external training per category, for 延べ人数 */
	training: { personId: string; category: string; kind: string }[];
	computedAt: Date;
};

/** A 年度's reports without their facts: who, where, and the small reads; the facts come after, all at once or a page of staff at a time. */
export type YearBase = Omit<YearData, 'facts'> & {
	range: { start: IsoDate; end: IsoDate };
	exemptions: ExemptionRow[];
};

/**
 * `scopePaths` (a 課長's units) limits every query to the people in those units on the
 * reference date, so a 課's view costs what the 課 is, not what the organisation is.
 */
export async function loadYearBase(
	db: Db,
	orgId: string,
	fiscalYear: number,
	now = new Date(),
	scopePaths: string[] | null = null
): Promise<YearBase & { inScope: string[] | null }> {
	const range = fiscalYearRange(fiscalYear);
	const today = toJstDate(now);
	const refDate = today < range.end ? today : range.end;
	const snap = await loadStaffSnapshot(db, orgId, refDate);
	const unitOf = new Map(
		snap.people.map((p) => [
			p.id,
			snap
				.membershipsOf(p.id)
				.filter((m) => m.start <= refDate && (m.end === null || m.end >= refDate))
				.at(-1)
		])
	);
	const inScope =
		scopePaths === null
			? null
			: snap.people
					.filter((p) => {
						const u = unitOf.get(p.id);
						return !!u && scopePaths.some((s) => isInSubtree(u.path, s));
					})
					.map((p) => p.id);
	const who = scopeFilter(inScope);
	const [exemptions, units, training, items] = await Promise.all([
		db
			.select({
				personId: exemption.personId,
				moduleSlug: exemption.moduleSlug,
				from: exemption.fromDate,
				to: exemption.toDate
			})
			.from(exemption)
			.where(and(eq(exemption.orgId, orgId), who(sql`${exemption.personId}`))),
		db
			.select({
				id: orgUnit.id,
				name: orgUnit.name,
				kind: orgUnit.kind,
				parentId: orgUnit.parentId,
				path: orgUnit.path,
				sortOrder: orgUnit.sortOrder
			})
			.from(orgUnit)
			.where(eq(orgUnit.orgId, orgId)),
		db
			.select({ personId: trainingRecord.personId, category: trainingRecord.category, kind: trainingRecord.kind })
			.from(trainingRecord)
			.where(
				and(
					eq(trainingRecord.orgId, orgId),
					eq(trainingRecord.fiscalYear, fiscalYear),
					who(sql`${trainingRecord.personId}`)
				)
			),
		db
			.select({
				moduleSlug: attemptItem.moduleSlug,
				itemId: attemptItem.itemId,
				answered: count(),
				wrong: sql<number>`sum(case when ${attemptItem.correct} then 0 else 1 end)`
			})
			.from(attemptItem)
			.innerJoin(attemptResult, eq(attemptResult.attemptId, attemptItem.attemptId))
			.where(
				and(
					eq(attemptResult.orgId, orgId),
					eq(attemptResult.fiscalYear, fiscalYear),
					who(sql`${attemptResult.personId}`)
				)
			)
			.groupBy(attemptItem.moduleSlug, attemptItem.itemId)
	]);
	const people = new Map<string, ReportPerson>();
	const keep = inScope === null ? null : new Set(inScope);
	for (const p of snap.people) {
		if (keep && !keep.has(p.id)) continue;
		const at = unitOf.get(p.id);
		people.set(p.id, {
			id: p.id,
			name: p.name,
			kana: p.kana,
			employeeNo: p.employeeNo,
			unitPath: at?.path ?? null,
			active: p.active,
			deptId: at ? departmentIdOf(at.path) : null,
			unitId: at ? sectionIdOf(at.path) : null,
			jobGrade: p.jobGrade,
			tags: snap.tagsOf(p.id)
		});
	}
	return {
		orgId,
		fiscalYear,
		refDate,
		today,
		range,
		people,
		exemptions,
		inScope,
		units: new Map(units.map((u) => [u.id, u])),
		training,
		items: items.map((i) => ({ ...i, wrong: Number(i.wrong) })),
		computedAt: now
	};
}

const scopeFilter = (inScope: string[] | null) => (column: SQL) =>
	inScope === null ? sql`1` : sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(inScope)}))`;

/** A 年度's reports with all their facts at once (the evidence pack lists every one). */
export async function loadYearData(
	db: Db,
	orgId: string,
	fiscalYear: number,
	now = new Date(),
	scopePaths: string[] | null = null
): Promise<YearData> {
	const { range, exemptions, inScope, ...base } = await loadYearBase(db, orgId, fiscalYear, now, scopePaths);
	const who = scopeFilter(inScope);
	const [assignments, results] = await Promise.all([
		// the whole organisation in chunks that let other requests through; a 課 in one read
		inScope === null
			? readOrgAssignmentRows(db, orgId, range)
			: readAssignmentRows(db, sql`org_id = ${orgId} AND ${who(sql`person_id`)}`, range),
		inScope === null
			? readOrgResultRows(db, orgId, fiscalYear)
			: readResultRows(db, sql`org_id = ${orgId} AND ${who(sql`person_id`)}`, fiscalYear)
	]);
	// let waiting requests through before the long synchronous step (600,000 facts at 30,000 staff)
	await yieldToEventLoop();
	return { ...base, facts: buildFacts(assignments, results, exemptions, base.refDate) };
}

/**
 * The facts of a 年度, a page of staff at a time (every fact of a person is in the same page).
 * Only a page's rows are in memory at once, so the cost grows with the staff and no faster:
 * all 600,000 facts of 30,000 staff held at once took a heap of about 900 MB, and the
 * collector's work on it grew faster than the staff (issue #7).
 */
export async function* yearFactPages(db: Db, base: YearBase, pageSize = 500): AsyncGenerator<ModuleFact[]> {
	const exemptionsOf = new Map<string, ExemptionRow[]>();
	for (const e of base.exemptions) {
		const list = exemptionsOf.get(e.personId);
		if (list) list.push(e);
		else exemptionsOf.set(e.personId, [e]);
	}
	const ids = [...base.people.keys()];
	for (let i = 0; i < ids.length; i += pageSize) {
		const page = ids.slice(i, i + pageSize);
		const idList = sql`person_id IN (SELECT value FROM json_each(${JSON.stringify(page)}))`;
		const [assignments, results] = await Promise.all([
			readAssignmentRows(db, idList, base.range),
			readResultRows(db, idList, base.fiscalYear)
		]);
		yield buildFacts(
			assignments,
			results,
			page.flatMap((id) => exemptionsOf.get(id) ?? []),
			base.refDate
		);
	}
}
