import { and, asc, countDistinct, eq, inArray, like } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { assignment, curriculum, curriculumItem } from './db/schema.ts';
import { generateId } from './auth/token.ts';
import { recordAudit } from './audit.ts';
import type { DueRule, Recurrence, RuleCriteria } from '../domain/assignment.ts';
import type { CurriculumValue } from '../domain/curriculum-form.ts';

export type StoredCurriculum = {
	id: string;
	name: string;
	active: boolean;
	criteria: RuleCriteria;
	items: { moduleSlug: string; mandatory: boolean; due: DueRule; recurrence: Recurrence }[];
};

/** Unit paths are "/部id/課id/": the last segment is the unit the rule names. */

async function loadItems(db: Db, ids: string[]) {
	if (ids.length === 0) return [];
	return db
		.select()
		.from(curriculumItem)
		.where(inArray(curriculumItem.curriculumId, ids))
		.orderBy(asc(curriculumItem.moduleSlug));
}

function toStored(c: typeof curriculum.$inferSelect, items: (typeof curriculumItem.$inferSelect)[]): StoredCurriculum {
	return {
		id: c.id,
		name: c.name,
		active: c.active,
		criteria: c.criteria,
		items: items
			.filter((i) => i.curriculumId === c.id)
			.map((i) => ({
				moduleSlug: i.moduleSlug,
				mandatory: i.mandatory,
				due: i.due,
				recurrence: i.recurrence
			}))
	};
}

/** Every curriculum with its modules, without counting assignments (for reports and forms). */
export async function listCurriculumModules(db: Db, orgId: string) {
	const rows = await db
		.select()
		.from(curriculum)
		.where(eq(curriculum.orgId, orgId))
		.orderBy(asc(curriculum.createdAt), asc(curriculum.name));
	const items = await loadItems(
		db,
		rows.map((c) => c.id)
	);
	return rows.map((c) => toStored(c, items));
}

/** Every curriculum of the organisation with its modules and how many staff it has assigned. */
export async function listCurricula(db: Db, orgId: string) {
	const [curricula, reach] = await Promise.all([
		listCurriculumModules(db, orgId),
		db
			.select({ source: assignment.source, people: countDistinct(assignment.personId) })
			.from(assignment)
			.where(and(eq(assignment.orgId, orgId), like(assignment.source, 'curriculum:%')))
			.groupBy(assignment.source)
	]);
	const bySource = new Map(reach.map((r) => [r.source, r.people]));
	return curricula.map((c) => ({ ...c, assignedPeople: bySource.get(`curriculum:${c.id}`) ?? 0 }));
}

export async function getCurriculum(db: Db, orgId: string, id: string): Promise<StoredCurriculum | null> {
	const [c] = await db
		.select()
		.from(curriculum)
		.where(and(eq(curriculum.id, id), eq(curriculum.orgId, orgId)));
	return c ? toStored(c, await loadItems(db, [c.id])) : null;
}

/** The criteria as stored: the form's unit ids become subtree paths (which the rule engine matches). */
export function storedCriteria(
	c: CurriculumValue['criteria'],
	pathOf: (unitId: string) => string | undefined
): RuleCriteria {
	const { unitIds, ...rest } = c;
	const unitPaths = (unitIds ?? []).map(pathOf).filter((p): p is string => !!p);
	return unitPaths.length ? { ...rest, unitPaths } : rest;
}

/**
 * Creates (id null) or replaces a curriculum and its modules in one transaction, with an audit
 * event holding the before and after. Assignments already made stay (they are the record of
 * what was asked of whom); new and changed rules reach staff at the next evaluation.
 */
export async function saveCurriculum(
	db: Db,
	actor: { id: string; orgId: string },
	id: string | null,
	value: { name: string; active: boolean; criteria: RuleCriteria; items: StoredCurriculum['items'] },
	ip: string | null,
	now = new Date()
): Promise<string | null> {
	const before = id ? await getCurriculum(db, actor.orgId, id) : null;
	if (id && !before) return null;
	const curriculumId = id ?? generateId();
	await db.transaction(async (tx) => {
		if (before) {
			await tx
				.update(curriculum)
				.set({ name: value.name, active: value.active, criteria: value.criteria })
				.where(and(eq(curriculum.id, curriculumId), eq(curriculum.orgId, actor.orgId)));
			await tx.delete(curriculumItem).where(eq(curriculumItem.curriculumId, curriculumId));
		} else {
			await tx.insert(curriculum).values({
				id: curriculumId,
				orgId: actor.orgId,
				name: value.name,
				active: value.active,
				criteria: value.criteria,
				createdAt: now
			});
		}
		await tx.insert(curriculumItem).values(value.items.map((i) => ({ id: generateId(), curriculumId, ...i })));
		const { id: _omit, ...beforeValue } = before ?? { id: null };
		await recordAudit(
			tx,
			{
				orgId: actor.orgId,
				actorId: actor.id,
				action: before ? 'curriculum.updated' : 'curriculum.created',
				targetType: 'curriculum',
				targetId: curriculumId,
				before: before ? beforeValue : undefined,
				after: value,
				ip
			},
			now
		);
	});
	return curriculumId;
}
