import { db } from '$lib/server/db';
import { requireSection } from '$lib/server/guards';
import { listRecentAudit } from '$lib/server/audit';
import { listLockedAccounts } from '$lib/server/auth/throttle-store';
import { mailStatus } from '$lib/server/mail/outbox';
import { mailConfig } from '$lib/server/config';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireSection('admin');
	const [lockouts, audit, mail] = await Promise.all([
		listLockedAccounts(db, user.orgId),
		listRecentAudit(db, user.orgId, 50),
		mailStatus(db, user.orgId)
	]);
	return { lockouts, audit, mail: { ...mail, configured: !!mailConfig.url } };
};
