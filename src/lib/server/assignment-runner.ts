import { toJstDate } from '../domain/japanese-date';
import { db } from './db';
import { getModule, listModules } from './content/catalog';
import { runReminders } from './reminders';
import { mailConfig } from './config';
import { evaluateAssignments } from './assignments';
import { organisation } from './db/schema';
import { yieldToEventLoop } from './event-loop';

export const moduleVersions = () => new Map(listModules().map((m) => [m.slug, m.version]));

export const refreshAssignments = (orgId: string) => evaluateAssignments(db, orgId, toJstDate(new Date()), moduleVersions());

const remind = (orgId: string) =>
	runReminders(db, orgId, toJstDate(new Date()), {
		versions: moduleVersions(),
		titleOf: (slug) => getModule(slug)?.title ?? slug,
		mail: { enabled: !!mailConfig.url, appUrl: mailConfig.appUrl }
	});

/**
 * At start and then daily: new 年度, new hires and transfers get their assignments without
 * waiting for an import; then the day's reminders go out.
 */
export function scheduleDailyRefresh() {
	const run = async () => {
		for (const org of await db.select({ id: organisation.id }).from(organisation)) {
			await refreshAssignments(org.id);
			await yieldToEventLoop();
			await remind(org.id);
		}
	};
	run().catch((e) => console.error('[manabi] assignment refresh failed:', e));
	setInterval(() => run().catch((e) => console.error('[manabi] assignment refresh failed:', e)), 24 * 60 * 60 * 1000).unref();
}
