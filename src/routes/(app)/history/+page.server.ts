import { db } from '#lib/server/db/index.ts';
import { requireUser } from '#lib/server/guards.ts';
import { listHistory } from '#lib/server/learning.ts';
import { listCompletedCurricula } from '#lib/server/certificates.ts';
import { getModule } from '#lib/server/content/catalog.ts';
import { toJstDate } from '#lib/domain/japanese-date.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const [rows, curricula] = await Promise.all([
		listHistory(db, user.id),
		listCompletedCurricula(db, user, toJstDate(new Date()))
	]);
	return { rows: rows.map((r) => ({ ...r, title: getModule(r.moduleSlug)?.title ?? r.moduleSlug })), curricula };
};
