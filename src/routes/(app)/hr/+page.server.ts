import { db } from '$lib/server/db';
import { requireSection } from '$lib/server/guards';
import { countActivePeople } from '$lib/server/people';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireSection('hr');
	return { activePeople: await countActivePeople(db, user.orgId) };
};
