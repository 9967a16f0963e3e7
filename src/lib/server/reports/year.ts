import { and, count, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { assignment, attemptItem, attemptResult, exemption, orgUnit, trainingRecord } from '../db/schema';
import { loadStaffSnapshot } from '../staff-snapshot';
import { fiscalYearRange, toJstDate, type IsoDate } from '../../domain/japanese-date';
import { buildFacts, type ModuleFact, type PersonFact } from '../../domain/metrics';
import type { Recurrence } from '../../domain/assignment';

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
	units: Map<string, { id: string; name: string; kind: string; parentId: string | null; path: string; sortOrder: number }>;
	/** external training per category, for 延べ人数 */
	training: { personId: string; category: string; kind: string }[];
	computedAt: Date;
};

export async function loadYearData(db: Db, orgId: string, fiscalYear: number, now = new Date()): Promise<YearData> {
	const { start, end } = fiscalYearRange(fiscalYear);
	const today = toJstDate(now);
	const refDate = today < end ? today : end;
	const [snap, assignments, results, exemptions, units, training, items] = await Promise.all([
		loadStaffSnapshot(db, orgId, refDate),
		db.select({ personId: assignment.personId, moduleSlug: assignment.moduleSlug, mandatory: assignment.mandatory, dueDate: assignment.dueDate, recurrence: assignment.recurrence, periodKey: assignment.periodKey })
			.from(assignment).where(and(eq(assignment.orgId, orgId), gte(assignment.dueDate, start), lte(assignment.dueDate, end))),
		db.select({ personId: attemptResult.personId, moduleSlug: attemptResult.moduleSlug, moduleVersion: attemptResult.moduleVersion, passed: attemptResult.passed, score: attemptResult.score, maxScore: attemptResult.maxScore, submittedAt: attemptResult.submittedAt })
			.from(attemptResult).where(and(eq(attemptResult.orgId, orgId), eq(attemptResult.fiscalYear, fiscalYear))).orderBy(attemptResult.submittedAt),
		db.select({ personId: exemption.personId, moduleSlug: exemption.moduleSlug, from: exemption.fromDate, to: exemption.toDate }).from(exemption).where(eq(exemption.orgId, orgId)),
		db.select({ id: orgUnit.id, name: orgUnit.name, kind: orgUnit.kind, parentId: orgUnit.parentId, path: orgUnit.path, sortOrder: orgUnit.sortOrder }).from(orgUnit).where(eq(orgUnit.orgId, orgId)),
		db.select({ personId: trainingRecord.personId, category: trainingRecord.category, kind: trainingRecord.kind }).from(trainingRecord).where(and(eq(trainingRecord.orgId, orgId), eq(trainingRecord.fiscalYear, fiscalYear))),
		db.select({ moduleSlug: attemptItem.moduleSlug, itemId: attemptItem.itemId, answered: count(), wrong: sql<number>`sum(case when ${attemptItem.correct} then 0 else 1 end)` })
			.from(attemptItem).innerJoin(attemptResult, eq(attemptResult.attemptId, attemptItem.attemptId))
			.where(and(eq(attemptResult.orgId, orgId), eq(attemptResult.fiscalYear, fiscalYear)))
			.groupBy(attemptItem.moduleSlug, attemptItem.itemId)
	]);
	const people = new Map<string, ReportPerson>();
	for (const p of snap.people) {
		const at = snap.membershipsOf(p.id).filter((m) => m.start <= refDate && (m.end === null || m.end >= refDate)).at(-1);
		const segments = at ? at.path.split('/').filter(Boolean) : [];
		people.set(p.id, { id: p.id, name: p.name, kana: p.kana, employeeNo: p.employeeNo, unitPath: at?.path ?? null, active: p.active, deptId: segments[0] ?? null, unitId: segments[1] ?? segments[0] ?? null, jobGrade: p.jobGrade, tags: snap.tagsOf(p.id) });
	}
	const facts = buildFacts(
		assignments.map((a) => ({ ...a, recurrence: a.recurrence as Recurrence })),
		results.map((r) => ({ ...r, submittedOn: toJstDate(r.submittedAt) })),
		exemptions,
		refDate
	);
	return { orgId, fiscalYear, refDate, today, facts, people, units: new Map(units.map((u) => [u.id, u])), training, items: items.map((i) => ({ ...i, wrong: Number(i.wrong) })), computedAt: now };
}
