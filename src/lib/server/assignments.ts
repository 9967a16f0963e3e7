import { and, asc, eq, isNull, lte, or, gte } from 'drizzle-orm';
import type { Db } from './db/client';
import { assignment, curriculum, curriculumItem, orgUnit, person, personTag, unitMembership } from './db/schema';
import { generateId } from './auth/token';
import { listHistory, listProgress } from './learning';
import { fiscalYearOf, toJstDate } from '../domain/japanese-date';
import {
	assignmentStatus,
	computeDueDate,
	matchesRule,
	passCounts,
	periodKey,
	type DueRule,
	type Recurrence,
	type RuleCriteria,
	type StaffFacts
} from '../domain/assignment';

// Map.groupBy needs Node 21; this project supports Node 20
function groupBy<T>(xs: T[], key: (x: T) => string) {
	const m = new Map<string, T[]>();
	for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
	return m;
}

/** Active staff with what curriculum rules look at, as of `today`. */
export async function listStaffFacts(db: Db, orgId: string, today: string): Promise<StaffFacts[]> {
	const [people, tags, memberships] = await Promise.all([
		db.select().from(person).where(and(eq(person.orgId, orgId), eq(person.active, true))),
		db.select({ personId: personTag.personId, tag: personTag.tag }).from(personTag).innerJoin(person, eq(person.id, personTag.personId)).where(eq(person.orgId, orgId)),
		db
			.select({ personId: unitMembership.personId, path: orgUnit.path, start: unitMembership.startDate, end: unitMembership.endDate })
			.from(unitMembership)
			.innerJoin(orgUnit, eq(orgUnit.id, unitMembership.unitId))
			.where(and(eq(unitMembership.orgId, orgId), lte(unitMembership.startDate, today), or(isNull(unitMembership.endDate), gte(unitMembership.endDate, today))))
	]);
	const tagsOf = groupBy(tags, (t) => t.personId);
	const unitsOf = groupBy(memberships, (m) => m.personId);
	return people.map((p) => {
		const current = unitsOf.get(p.id) ?? [];
		const latestStart = current.map((m) => m.start).sort().at(-1) ?? null;
		return {
			id: p.id, active: p.active, jobGrade: p.jobGrade, employmentType: p.employmentType, hireDate: p.hireDate,
			tags: (tagsOf.get(p.id) ?? []).map((t) => t.tag),
			unitPaths: current.map((m) => m.path),
			transferDate: latestStart && latestStart > p.hireDate ? latestStart : null
		};
	});
}

/**
 * Re-evaluates every active curriculum for every active member of staff and creates the
 * assignments that are missing (existing ones are kept). Run after each import and daily, so
 * transfers and promotions are picked up. Returns how many were created.
 */
export async function evaluateAssignments(db: Db, orgId: string, today: string, versions: ReadonlyMap<string, string>, now = new Date()) {
	const items = await db
		.select({ c: curriculum, i: curriculumItem })
		.from(curriculumItem)
		.innerJoin(curriculum, eq(curriculum.id, curriculumItem.curriculumId))
		.where(and(eq(curriculum.orgId, orgId), eq(curriculum.active, true)));
	const staff = await listStaffFacts(db, orgId, today);
	const fy = fiscalYearOf(today);
	const rows: (typeof assignment.$inferInsert)[] = [];
	for (const { c, i } of items) {
		const version = versions.get(i.moduleSlug);
		if (!version) continue;
		for (const s of staff) {
			if (!matchesRule(c.criteria as RuleCriteria, s, today)) continue;
			rows.push({
				id: generateId(), orgId, personId: s.id, moduleSlug: i.moduleSlug,
				periodKey: periodKey(i.recurrence, today, version), recurrence: i.recurrence, mandatory: i.mandatory,
				dueDate: computeDueDate(i.due as DueRule, s, fy), source: `curriculum:${c.id}`, createdAt: now
			});
		}
	}
	let created = 0;
	for (let k = 0; k < rows.length; k += 500) {
		const res = await db.insert(assignment).values(rows.slice(k, k + 500)).onConflictDoNothing();
		created += res.rowsAffected;
	}
	return created;
}

/** A person's assignments of the current period, with status, ordered by due date. */
export async function listMyAssignments(db: Db, personId: string, today: string, versions: ReadonlyMap<string, string>) {
	const [rows, history, progress] = await Promise.all([
		db.select().from(assignment).where(eq(assignment.personId, personId)).orderBy(asc(assignment.dueDate)),
		listHistory(db, personId),
		listProgress(db, personId)
	]);
	return rows
		.filter((a) => a.periodKey === periodKey(a.recurrence as Recurrence, today, versions.get(a.moduleSlug) ?? ''))
		.map((a) => {
			const results = history.filter((h) => h.moduleSlug === a.moduleSlug);
			const passed = results.some((r) => r.passed && passCounts(a.recurrence as Recurrence, a.periodKey, { date: toJstDate(r.submittedAt), moduleVersion: r.moduleVersion }));
			const started = results.length > 0 || progress.some((p) => p.moduleSlug === a.moduleSlug);
			return { id: a.id, moduleSlug: a.moduleSlug, dueDate: a.dueDate, mandatory: a.mandatory, status: assignmentStatus({ dueDate: a.dueDate, today, passed, started, exemptions: [] }) };
		});
}
