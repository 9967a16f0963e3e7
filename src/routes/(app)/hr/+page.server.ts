import { db } from '#lib/server/db/index.ts';
import { requireSection } from '#lib/server/guards.ts';
import { countActivePeople } from '#lib/server/people.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireSection('hr');
	return { activePeople: await countActivePeople(db, user.orgId) };
};
