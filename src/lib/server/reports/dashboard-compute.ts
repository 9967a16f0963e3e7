import type { Db } from '../db/client.ts';
import type { Locale } from '../../paraglide/runtime.js';
import { yieldToEventLoop } from '../event-loop.ts';
import { inLocale } from '../locale.ts';
import { loadYearBase, yearFactPages } from './year.ts';
import { dashboardTally, type buildDashboard } from './dashboard.ts';
import { type CurriculumInfo, type ModuleInfo, type TargetDef } from './target-labels.ts';

/** What a dashboard is computed from, as plain data (it is passed to a worker thread). */
export type DashboardInput = {
	orgId: string;
	fiscalYear: number;
	/** ISO instant: the 年度's reference date and 期限切れ are judged on its day */
	now: string;
	scopePaths: string[] | null;
	targets: TargetDef[];
	modules: ModuleInfo[];
	curricula: [string, CurriculumInfo][];
	locale: Locale;
};

export type DashboardView = ReturnType<typeof buildDashboard>;

/**
 * A dashboard from the database: the 年度's people and small reads, then the facts a page of
 * staff at a time, summed as they come (see dashboardTally). All of it in `input.locale`
 * (month labels included), wherever it runs.
 */
export function computeDashboard(db: Db, input: DashboardInput, pageSize?: number): Promise<DashboardView> {
	return inLocale(input.locale, () => compute(db, input, pageSize));
}

async function compute(db: Db, input: DashboardInput, pageSize?: number): Promise<DashboardView> {
	const base = await loadYearBase(db, input.orgId, input.fiscalYear, new Date(input.now), input.scopePaths);
	const tally = dashboardTally(
		base,
		input.targets,
		{ paths: input.scopePaths },
		input.modules,
		new Map(input.curricula),
		input.locale
	);
	for await (const facts of yearFactPages(db, base, pageSize)) {
		tally.add(facts);
		// in the server's own thread (from source), other requests go in between pages
		await yieldToEventLoop();
	}
	return tally.finish();
}
