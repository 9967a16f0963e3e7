import { and, eq, inArray, sql } from 'drizzle-orm';
import { jsonRows } from './db/json-rows.ts';
import type { Db } from './db/client.ts';
import { assignment, curriculum, curriculumItem, exemption, moduleProgress } from './db/schema.ts';
import { generateId } from './auth/token.ts';
import { recordAudit } from './audit.ts';
import { groupBy, loadStaffSnapshot } from './staff-snapshot.ts';
import { fiscalYearOf, toJstDate } from '../domain/japanese-date.ts';
import {
	assignmentStatus,
	computeDueDate,
	matchesRule,
	passCounts,
	periodKey,
	type AssignmentStatus,
	type Recurrence,
	type StaffFacts
} from '../domain/assignment.ts';
import * as m from '../paraglide/messages.js';
import { yieldToEventLoop } from './event-loop.ts';

/** Active staff with what curriculum rules look at, as of `today`. */
export async function listStaffFacts(db: Db, orgId: string, today: string): Promise<StaffFacts[]> {
	const snap = await loadStaffSnapshot(db, orgId, today);
	return snap.people
		.filter((p) => p.active)
		.map((p) => {
			const current = snap.membershipsOf(p.id).filter((x) => x.start <= today);
			const latestStart =
				current
					.map((x) => x.start)
					.sort()
					.at(-1) ?? null;
			return {
				id: p.id,
				active: p.active,
				jobGrade: p.jobGrade,
				employmentType: p.employmentType,
				hireDate: p.hireDate,
				tags: snap.tagsOf(p.id),
				unitPaths: current.map((x) => x.path),
				transferDate: latestStart && latestStart > p.hireDate ? latestStart : null
			};
		});
}

/**
 * Re-evaluates every active curriculum for every active member of staff and creates the
 * assignments that are missing (existing ones are kept). Run after each import and daily, so
 * transfers and promotions are picked up. Returns how many were created.
 */
export type EvaluationStep = (p: { phase: 'evaluate' | 'write'; done: number; total: number }) => Promise<void>;

export async function evaluateAssignments(
	db: Db,
	orgId: string,
	today: string,
	versions: ReadonlyMap<string, string>,
	now = new Date(),
	onStep?: EvaluationStep
) {
	const items = await db
		.select({ c: curriculum, i: curriculumItem })
		.from(curriculumItem)
		.innerJoin(curriculum, eq(curriculum.id, curriculumItem.curriculumId))
		.where(and(eq(curriculum.orgId, orgId), eq(curriculum.active, true)));
	const staff = await listStaffFacts(db, orgId, today);
	await yieldToEventLoop();
	const fy = fiscalYearOf(today);
	// what exists is read per module and period (one JSON list of person ids each), so a re-run
	// costs a few reads, not 600,000 refused inserts, and memory stays at one list at a time
	const rows: unknown[][] = [];
	const at = now.getTime();
	for (const [n, { c, i }] of items.entries()) {
		await onStep?.({ phase: 'evaluate', done: n, total: items.length });
		await yieldToEventLoop();
		const version = versions.get(i.moduleSlug);
		if (!version) continue;
		const key = periodKey(i.recurrence, today, version);
		const existing = new Set(
			(await jsonRows<[string]>(
				db,
				sql`SELECT json_group_array(person_id) AS j FROM assignment WHERE org_id = ${orgId} AND module_slug = ${i.moduleSlug} AND period_key = ${key}`
			)) as unknown as string[]
		);
		for (const s of staff) {
			if (existing.has(s.id) || !matchesRule(c.criteria, s, today)) continue;
			existing.add(s.id);
			rows.push([
				generateId(),
				s.id,
				i.moduleSlug,
				key,
				i.recurrence,
				i.mandatory ? 1 : 0,
				computeDueDate(i.due, s, fy, today),
				`curriculum:${c.id}`
			]);
		}
	}
	// inserted by SQLite from a JSON array (one statement per 20,000 rows); the unique index still guards against a race
	let created = 0;
	for (let k = 0; k < rows.length; k += 20_000) {
		await onStep?.({ phase: 'write', done: k, total: rows.length });
		await yieldToEventLoop();
		const res =
			await db.run(sql`INSERT INTO assignment (id, org_id, person_id, module_slug, period_key, recurrence, mandatory, due_date, source, created_at)
			SELECT value ->> 0, ${orgId}, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, ${at}
			FROM json_each(${JSON.stringify(rows.slice(k, k + 20_000))}) WHERE 1 ON CONFLICT DO NOTHING`);
		created += res.rowsAffected;
	}
	return created;
}

/**
 * The current-period assignments of these people with their status, per person, ordered by
 * due date. Results, reading progress and exemptions decide the status.
 */
export async function listAssignmentStatuses(
	db: Db,
	personIds: string[],
	today: string,
	versions: ReadonlyMap<string, string>
) {
	const out = new Map<
		string,
		{ id: string; moduleSlug: string; dueDate: string; mandatory: boolean; status: AssignmentStatus }[]
	>();
	if (personIds.length === 0) return out;
	const [rows, results, progress, exemptions] = await Promise.all([
		// one JSON document each: a 課 of 300 is 6,000 assignments, and a driver row object per row costs more than the query
		jsonRows<[string, string, string, string, number, string, string]>(
			db,
			sql`SELECT json_group_array(json_array(id, person_id, module_slug, due_date, mandatory, recurrence, period_key)) AS j
				FROM (SELECT id, person_id, module_slug, due_date, mandatory, recurrence, period_key FROM assignment
					WHERE person_id IN (SELECT value FROM json_each(${JSON.stringify(personIds)})) ORDER BY due_date, module_slug, period_key)`
		).then((rows) =>
			rows.map(([id, personId, moduleSlug, dueDate, mandatory, recurrence, periodKey]) => ({
				id,
				personId,
				moduleSlug,
				dueDate,
				mandatory: mandatory === 1,
				recurrence,
				periodKey
			}))
		),
		jsonRows<[string, string, string, number, number]>(
			db,
			sql`SELECT json_group_array(json_array(person_id, module_slug, module_version, passed, submitted_at)) AS j
				FROM attempt_result WHERE person_id IN (SELECT value FROM json_each(${JSON.stringify(personIds)}))`
		).then((rows) =>
			rows.map(([personId, moduleSlug, moduleVersion, passed, submittedAt]) => ({
				personId,
				moduleSlug,
				moduleVersion,
				passed: passed === 1,
				submittedAt: new Date(submittedAt)
			}))
		),
		db
			.select({ personId: moduleProgress.personId, moduleSlug: moduleProgress.moduleSlug })
			.from(moduleProgress)
			.where(inArray(moduleProgress.personId, personIds)),
		db.select().from(exemption).where(inArray(exemption.personId, personIds))
	]);
	// indexed once, so a 課 of hundreds of staff × 20 modules is linear, not quadratic
	const key = (personId: string, slug: string) => `${personId}\u0000${slug}`;
	const resultsOf = groupBy(results, (r) => key(r.personId, r.moduleSlug));
	const started = new Set(progress.map((p) => key(p.personId, p.moduleSlug)));
	const exemptionsOf = groupBy(exemptions, (e) => e.personId);
	for (const a of rows) {
		const recurrence = a.recurrence as Recurrence;
		if (a.periodKey !== periodKey(recurrence, today, versions.get(a.moduleSlug) ?? '')) continue;
		const mine = resultsOf.get(key(a.personId, a.moduleSlug)) ?? [];
		const passed = mine.some(
			(r) =>
				r.passed &&
				passCounts(recurrence, a.periodKey, { date: toJstDate(r.submittedAt), moduleVersion: r.moduleVersion })
		);
		const excused = (exemptionsOf.get(a.personId) ?? [])
			.filter((e) => e.moduleSlug === null || e.moduleSlug === a.moduleSlug)
			.map((e) => ({ from: e.fromDate, to: e.toDate }));
		const status = assignmentStatus({
			dueDate: a.dueDate,
			today,
			passed,
			started: mine.length > 0 || started.has(key(a.personId, a.moduleSlug)),
			exemptions: excused
		});
		let list = out.get(a.personId);
		if (!list) out.set(a.personId, (list = []));
		list.push({ id: a.id, moduleSlug: a.moduleSlug, dueDate: a.dueDate, mandatory: a.mandatory, status });
	}
	return out;
}

export async function listMyAssignments(
	db: Db,
	personId: string,
	today: string,
	versions: ReadonlyMap<string, string>
) {
	return (await listAssignmentStatuses(db, [personId], today, versions)).get(personId) ?? [];
}

export type ManualAssignOutcome = { ok: true } | { ok: false; message: string };

/** A 課長 or HR assigns one more module to a person (once, with a due date); audited. */
export async function assignManually(
	db: Db,
	actor: { id: string; orgId: string },
	a: { personId: string; moduleSlug: string; dueDate: string; mandatory: boolean },
	ip: string | null,
	now = new Date()
): Promise<ManualAssignOutcome> {
	const res = await db
		.insert(assignment)
		.values({
			id: generateId(),
			orgId: actor.orgId,
			personId: a.personId,
			moduleSlug: a.moduleSlug,
			periodKey: 'once',
			recurrence: 'once',
			mandatory: a.mandatory,
			dueDate: a.dueDate,
			source: `manual:${actor.id}`,
			createdAt: now
		})
		.onConflictDoNothing();
	if (res.rowsAffected === 0) return { ok: false, message: m.assign_err_already() };
	await recordAudit(
		db,
		{
			orgId: actor.orgId,
			actorId: actor.id,
			action: 'assignment.manual',
			targetType: 'person',
			targetId: a.personId,
			after: a,
			ip
		},
		now
	);
	return { ok: true };
}
