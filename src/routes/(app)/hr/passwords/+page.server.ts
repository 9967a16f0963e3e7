import { db } from '#lib/server/db/index.ts';
import { requireSection } from '#lib/server/guards.ts';
import { BULK_LIMIT, countWithoutPassword } from '#lib/server/auth/bulk-passwords.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireSection('hr');
	return { waiting: await countWithoutPassword(db, user), limit: BULK_LIMIT };
};
