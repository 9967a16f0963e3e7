import { redirect } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.ts';
import { requireSection } from '#lib/server/guards.ts';
import { listUnitsById } from '#lib/server/org.ts';
import { unitHref } from '#lib/routes.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireSection('manager');
	const ids = user.grants.flatMap((g) => (g.role === 'manager' && g.unitId ? [g.unitId] : []));
	const units = await listUnitsById(db, ids);
	if (units.length === 1) redirect(303, unitHref(units[0].id));
	return { units: units.map((u) => ({ id: u.id, name: u.name })) };
};
