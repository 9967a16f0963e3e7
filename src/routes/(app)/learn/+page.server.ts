import { db } from '#lib/server/db/index.ts';
import { requireUser } from '#lib/server/guards.ts';
import { listCatalogueFor } from '#lib/server/learner-modules.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	return { modules: await listCatalogueFor(db, user.id) };
};
