import { db } from '$lib/server/db';
import { requireSection } from '$lib/server/guards';
import { BULK_LIMIT, countWithoutPassword } from '$lib/server/auth/bulk-passwords';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireSection('hr');
	return { waiting: await countWithoutPassword(db, user), limit: BULK_LIMIT };
};
