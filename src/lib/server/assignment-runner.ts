import { toJstDate } from '../domain/japanese-date.ts';
import { db } from './db/index.ts';
import { getModule, listModules } from './content/catalog.ts';
import { runReminders } from './reminders.ts';
import { mailConfig } from './config.ts';
import { evaluateAssignments } from './assignments.ts';
import { organisation } from './db/schema.ts';
import { yieldToEventLoop } from './event-loop.ts';
import { pruneFailures } from './auth/throttle-store.ts';

export const moduleVersions = () => new Map(listModules().map((m) => [m.slug, m.version]));

export const refreshAssignments = (orgId: string) =>
	evaluateAssignments(db, orgId, toJstDate(new Date()), moduleVersions());

const remind = (orgId: string) =>
	runReminders(db, orgId, toJstDate(new Date()), {
		versions: moduleVersions(),
		titleOf: (slug) => getModule(slug)?.title ?? slug,
		mail: { enabled: !!mailConfig.url, appUrl: mailConfig.appUrl }
	});

/**
 * At start and then daily: new 年度, new hires and transfers get their assignments without
 * waiting for an import; then the day's reminders go out. Sign-in failures too old to count for
 * the lock-out rules are dropped, so the table does not grow with every mistyped password.
 */
export function scheduleDailyRefresh() {
	const run = async () => {
		for (const org of await db.select({ id: organisation.id }).from(organisation)) {
			await refreshAssignments(org.id);
			await yieldToEventLoop();
			await remind(org.id);
		}
		await pruneFailures(db);
	};
	run().catch((e) => console.error('[manabi] assignment refresh failed:', e));
	setInterval(
		() => run().catch((e) => console.error('[manabi] assignment refresh failed:', e)),
		24 * 60 * 60 * 1000
	).unref();
}
