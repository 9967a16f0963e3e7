import type { Db } from '../db/client';
import type { Locale } from '../../paraglide/runtime';
import { yieldToEventLoop } from '../event-loop';
import { inLocale } from '../locale';
import { loadYearData } from './year';
import { buildDashboard, type CurriculumInfo, type ModuleInfo, type TargetDef } from './dashboard';

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
 * A dashboard from the database: the 年度's facts, then the figures (the facts are dropped
 * after). All of it in `input.locale` (month labels included), wherever it runs.
 */
export function computeDashboard(db: Db, input: DashboardInput): Promise<DashboardView> {
	return inLocale(input.locale, () => compute(db, input));
}

async function compute(db: Db, input: DashboardInput): Promise<DashboardView> {
	const scope = { paths: input.scopePaths };
	const data = await loadYearData(db, input.orgId, input.fiscalYear, new Date(input.now), scope.paths);
	// the facts and the view are two long synchronous steps; other requests go in between
	await yieldToEventLoop();
	return buildDashboard(data, input.targets, scope, input.modules, new Map(input.curricula), input.locale);
}
