import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { listHistory } from '$lib/server/learning';
import { listCompletedCurricula } from '$lib/server/certificates';
import { getModule } from '$lib/server/content/catalog';
import { toJstDate } from '$lib/domain/japanese-date';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const [rows, curricula] = await Promise.all([listHistory(db, user.id), listCompletedCurricula(db, user, toJstDate(new Date()))]);
	return { rows: rows.map((r) => ({ ...r, title: getModule(r.moduleSlug)?.title ?? r.moduleSlug })), curricula };
};
