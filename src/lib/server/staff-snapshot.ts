import { and, eq, gte, isNull, or } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { orgUnit, person, personTag, unitMembership } from './db/schema.ts';

// Map.groupBy needs Node 21; this project supports Node 20
export function groupBy<T>(xs: T[], key: (x: T) => string) {
	const m = new Map<string, T[]>();
	for (const x of xs) {
		const list = m.get(key(x));
		if (list) list.push(x);
		else m.set(key(x), [x]);
	}
	return m;
}

/**
 * Everyone of an organisation with their tags and their memberships that are open or end on or
 * after `today`, grouped by person (three queries, whatever the size): what the staff import and
 * the curriculum rules both start from.
 */
export async function loadStaffSnapshot(db: Db, orgId: string, today: string) {
	const [people, tags, memberships] = await Promise.all([
		db.select().from(person).where(eq(person.orgId, orgId)),
		db
			.select({ personId: personTag.personId, tag: personTag.tag })
			.from(personTag)
			.innerJoin(person, eq(person.id, personTag.personId))
			.where(eq(person.orgId, orgId)),
		db
			.select({
				personId: unitMembership.personId,
				code: orgUnit.code,
				path: orgUnit.path,
				start: unitMembership.startDate,
				end: unitMembership.endDate
			})
			.from(unitMembership)
			.innerJoin(orgUnit, eq(orgUnit.id, unitMembership.unitId))
			.where(
				and(eq(unitMembership.orgId, orgId), or(isNull(unitMembership.endDate), gte(unitMembership.endDate, today)))
			)
	]);
	const tagsOf = groupBy(tags, (t) => t.personId);
	const membershipsOf = groupBy(memberships, (m) => m.personId);
	return {
		people,
		tagsOf: (personId: string) => (tagsOf.get(personId) ?? []).map((t) => t.tag),
		membershipsOf: (personId: string) => membershipsOf.get(personId) ?? []
	};
}
