import { toJstDate } from '#lib/domain/japanese-date.ts';
import { db } from '#lib/server/db/index.ts';
import { requireSection } from '#lib/server/guards.ts';
import { searchPeople } from '#lib/server/people.ts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ url }) => {
	const user = requireSection('hr');
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
	const { rows, total } = await searchPeople(
		db,
		user.orgId,
		{ text: q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
		toJstDate(new Date())
	);
	return { q, page, pageSize: PAGE_SIZE, rows, total };
};
