import { error } from '@sveltejs/kit';
import { fiscalYearOf, toJstDate } from '$lib/domain/japanese-date';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { getProfile } from '$lib/server/people';
import { listMyAssignments } from '$lib/server/assignments';
import { moduleVersions } from '$lib/server/assignment-runner';
import { getModule } from '$lib/server/content/catalog';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const today = toJstDate(new Date());
	const profile = await getProfile(db, user.id, today);
	if (!profile) error(404, '職員が見つかりません。');
	const assignments = (await listMyAssignments(db, user.id, today, moduleVersions())).map((a) => ({ ...a, title: getModule(a.moduleSlug)?.title ?? a.moduleSlug }));
	return { profile, fiscalYear: fiscalYearOf(today), assignments };
};
