import { toJstDate } from '$lib/domain/japanese-date';
import { db } from '$lib/server/db';
import { requireUser, requireVisibleUnit } from '$lib/server/guards';
import { listUnitStaff } from '$lib/server/people';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const unit = await requireVisibleUnit(user, params.unitId);
	const staff = await listUnitStaff(db, unit.orgId, unit.path, toJstDate(new Date()));
	return { unit: { id: unit.id, name: unit.name }, staff };
};
