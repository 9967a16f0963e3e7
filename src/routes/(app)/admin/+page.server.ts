import { db } from '$lib/server/db';
import { requireSection } from '$lib/server/guards';
import { listRecentAudit } from '$lib/server/audit';
import { listLockedAccounts } from '$lib/server/auth/throttle-store';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireSection('admin');
	const [lockouts, audit] = await Promise.all([
		listLockedAccounts(db, user.orgId),
		listRecentAudit(db, user.orgId, 50)
	]);
	return { lockouts, audit };
};
