import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { organisation, orgUnit } from './db/schema.ts';

/** The organisation this installation serves: MANABI_ORG's code, else the first one created. */
export async function getHomeOrganisation(db: Db, code?: string) {
	const [org] = code
		? await db.select().from(organisation).where(eq(organisation.code, code))
		: await db.select().from(organisation).orderBy(asc(organisation.createdAt)).limit(1);
	return org ?? null;
}

export async function getUnit(db: Db, unitId: string) {
	const [unit] = await db.select().from(orgUnit).where(eq(orgUnit.id, unitId));
	return unit ?? null;
}

export async function listUnits(db: Db, orgId: string) {
	return db
		.select()
		.from(orgUnit)
		.where(and(eq(orgUnit.orgId, orgId), eq(orgUnit.active, true)))
		.orderBy(asc(orgUnit.path), asc(orgUnit.sortOrder));
}

export async function listUnitsById(db: Db, ids: string[]) {
	if (ids.length === 0) return [];
	return db.select().from(orgUnit).where(inArray(orgUnit.id, ids)).orderBy(asc(orgUnit.code));
}
