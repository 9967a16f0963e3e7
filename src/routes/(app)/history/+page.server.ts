import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { listHistory } from '$lib/server/learning';
import { getModule } from '$lib/server/content/catalog';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const rows = await listHistory(db, user.id);
	return { rows: rows.map((r) => ({ ...r, title: getModule(r.moduleSlug)?.title ?? r.moduleSlug })) };
};
