import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { listCatalogueFor } from '$lib/server/catalogue';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	return { modules: await listCatalogueFor(db, user.id) };
};
