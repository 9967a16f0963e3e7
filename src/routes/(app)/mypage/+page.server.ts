import { error } from '@sveltejs/kit';
import { fiscalYearOf, toJstDate } from '$lib/domain/japanese-date';
import { db } from '$lib/server/db';
import { requireUser } from '$lib/server/guards';
import { getProfile } from '$lib/server/people';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireUser();
	const today = toJstDate(new Date());
	const profile = await getProfile(db, user.id, today);
	if (!profile) error(404, '職員が見つかりません。');
	return { profile, fiscalYear: fiscalYearOf(today) };
};
