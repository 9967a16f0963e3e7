import { db } from '#lib/server/db/index.ts';
import { requireSection } from '#lib/server/guards.ts';
import { listRecentAudit } from '#lib/server/audit.ts';
import { listLockedAccounts } from '#lib/server/auth/throttle-store.ts';
import { mailStatus } from '#lib/server/mail/outbox.ts';
import { mailConfig } from '#lib/server/config.ts';
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
