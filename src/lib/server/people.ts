import { and, asc, count, eq, gte, isNull, like, lte, or, sql, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from './db/client.ts';
import { orgUnit, person, personTag, roleGrant, unitMembership } from './db/schema.ts';
import type { Grant } from '../domain/access.ts';
import { normaliseKana } from '../domain/kana.ts';

export async function listGrants(db: Db, personId: string): Promise<Grant[]> {
	return db
		.select({ role: roleGrant.role, unitId: roleGrant.unitId, unitPath: orgUnit.path })
		.from(roleGrant)
		.leftJoin(orgUnit, eq(orgUnit.id, roleGrant.unitId))
		.where(eq(roleGrant.personId, personId));
}

export async function getPersonByEmployeeNo(db: Db, orgId: string, employeeNo: string) {
	const [p] = await db
		.select()
		.from(person)
		.where(and(eq(person.orgId, orgId), eq(person.employeeNo, employeeNo)));
	return p ?? null;
}

export async function getPerson(db: Db, personId: string) {
	const [p] = await db.select().from(person).where(eq(person.id, personId));
	return p ?? null;
}

const currentOn = (date: string) =>
	and(lte(unitMembership.startDate, date), or(isNull(unitMembership.endDate), gte(unitMembership.endDate, date)));

/** The units a person belongs to on a date (usually one; 兼務 gives several). */
export async function listPersonUnits(db: Db, personId: string, onDate: string) {
	const parent = alias(orgUnit, 'parent');
	const rows = await db
		.select({ id: orgUnit.id, name: orgUnit.name, path: orgUnit.path, kind: orgUnit.kind, parentName: parent.name })
		.from(unitMembership)
		.innerJoin(orgUnit, eq(orgUnit.id, unitMembership.unitId))
		.leftJoin(parent, eq(parent.id, orgUnit.parentId))
		.where(and(eq(unitMembership.personId, personId), currentOn(onDate)));
	// "市民課 住民記録係": a 係 is shown with its 課, a 課 with its 部
	return rows.map(({ parentName, ...u }) => ({ ...u, fullName: parentName ? `${parentName} ${u.name}` : u.name }));
}

const staffColumns = {
	id: person.id,
	employeeNo: person.employeeNo,
	name: person.name,
	kana: person.kana,
	jobGrade: person.jobGrade,
	employmentType: person.employmentType,
	active: person.active,
	hireDate: person.hireDate,
	unitId: orgUnit.id,
	unitName: orgUnit.name
};

/** Everyone currently in the subtree at `unitPath`, in 五十音順. */
export async function listUnitStaff(db: Db, orgId: string, unitPath: string, onDate: string) {
	return db
		.select(staffColumns)
		.from(unitMembership)
		.innerJoin(person, eq(person.id, unitMembership.personId))
		.innerJoin(orgUnit, eq(orgUnit.id, unitMembership.unitId))
		.where(
			and(
				// the units first (a 課 of 300 in an organisation of 30,000): `+` keeps SQLite from
				// walking every person of the organisation through the (org_id, kana) index instead
				eq(orgUnit.orgId, orgId),
				sql`+${person.orgId} = ${orgId}`,
				eq(person.active, true),
				like(orgUnit.path, `${unitPath}%`),
				currentOn(onDate)
			)
		)
		.orderBy(asc(person.kana));
}

export type PeopleQuery = { text?: string; limit: number; offset: number };

/** HR's staff search over 職員番号, 氏名 and フリガナ, with each person's current unit. */
/** `text` for a LIKE pattern in which it matches only itself: % and _ typed in a search are characters, not wildcards. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const likeLiteral = (column: SQLWrapper, pattern: string) => sql`${column} LIKE ${pattern} ESCAPE '\\'`;

export async function searchPeople(db: Db, orgId: string, q: PeopleQuery, onDate: string) {
	const text = q.text?.trim();
	const match = text
		? or(
				likeLiteral(person.employeeNo, `${escapeLike(text)}%`),
				likeLiteral(person.name, `%${escapeLike(text)}%`),
				likeLiteral(person.kana, `%${escapeLike(normaliseKana(text))}%`)
			)
		: undefined;
	const where = and(eq(person.orgId, orgId), match);
	const [rows, [{ total }]] = await Promise.all([
		db
			.select(staffColumns)
			.from(person)
			.leftJoin(unitMembership, and(eq(unitMembership.personId, person.id), currentOn(onDate)))
			.leftJoin(orgUnit, eq(orgUnit.id, unitMembership.unitId))
			.where(where)
			.orderBy(asc(person.kana), asc(person.employeeNo))
			.limit(q.limit)
			.offset(q.offset),
		db.select({ total: count() }).from(person).where(where)
	]);
	return { rows, total };
}

export async function setPassword(
	db: Db,
	personId: string,
	passwordHash: string,
	mustChange: boolean,
	now = new Date()
) {
	await db
		.update(person)
		.set({ passwordHash, mustChangePassword: mustChange, passwordChangedAt: now })
		.where(eq(person.id, personId));
}

/** A person's own record as shown on マイページ and to those allowed to see it. */
/**
 * A person with their units on `onDate`, tags and roles (never the password hash). The tags come
 * in the person's own query; a caller that already holds the roles (the signed-in person's, read
 * with the session) passes them, so the home page costs two statements here instead of four.
 */
export async function getProfile(db: Db, personId: string, onDate: string, knownGrants?: Grant[]) {
	const [row] = await db
		.select({
			p: person,
			tags: sql<string>`(SELECT json_group_array(${personTag.tag}) FROM ${personTag} WHERE ${personTag.personId} = ${person.id})`
		})
		.from(person)
		.where(eq(person.id, personId));
	if (!row) return null;
	const [units, grants] = await Promise.all([
		listPersonUnits(db, personId, onDate),
		knownGrants ?? listGrants(db, personId)
	]);
	const { passwordHash: _hash, ...rest } = row.p;
	return { ...rest, units, tags: (JSON.parse(row.tags) as string[]).sort(), grants };
}

export type Profile = NonNullable<Awaited<ReturnType<typeof getProfile>>>;

export async function countActivePeople(db: Db, orgId: string) {
	const [{ n }] = await db
		.select({ n: count() })
		.from(person)
		.where(and(eq(person.orgId, orgId), eq(person.active, true)));
	return n;
}
