import { REPORT_TTL_SECONDS } from '$app/env/private';
import { workersExpected } from '../config.ts';
import { reportScope } from '../../domain/access.ts';
import { fiscalYearOf } from '../../domain/japanese-date.ts';
import { db, databaseUrl } from '../db/index.ts';
import { listModules } from '../content/catalog.ts';
import { listCurriculumModules } from '../curricula.ts';
import { listTargets } from '../targets.ts';
import type { CurriculumInfo, ModuleInfo } from './target-labels.ts';
import { computeDashboard, type DashboardInput, type DashboardView } from './dashboard-compute.ts';
import { builtWorkerFile, runWorker } from '../workers.ts';
import type { AuthUser } from '../auth/session.ts';
import { getLocale } from '../../paraglide/runtime.js';

let moduleInfo: ModuleInfo[] | undefined;
/** Titles, categories and question stems (never choices or keys) of every module. */
export function reportModules(): ModuleInfo[] {
	moduleInfo ??= listModules().map((m) => ({
		slug: m.slug,
		title: m.title,
		category: m.category,
		stems: new Map(m.bank.map((i) => [i.id, i.stem]))
	}));
	return moduleInfo;
}

/** A 年度 from the query string: a whole number near today, else the current 年度. */
export function chosenFiscalYear(raw: string | null, now = new Date()): number {
	const current = fiscalYearOf(now);
	const fy = raw && /^\d{4}$/.test(raw) ? Number(raw) : current;
	return fy >= 2000 && fy <= current + 1 ? fy : current;
}

type View = DashboardView;

/**
 * Built, a dashboard is computed in a worker thread (reports/dashboard-worker.ts): at 30,000
 * staff it is seconds of synchronous work, which held every other request for up to 3 s at a
 * time in the server's own thread. It sums the facts a page of staff at a time, so its memory
 * grows with the staff, not staff × modules: at 30,000 staff the server's RSS peaked at
 * 380-480 MB during a cold computation (900 MB when all facts were held at once), and the
 * worker's heap is given back when it ends. Its heap is not capped; a cap would turn a larger
 * city's dashboard into an error rather than a slower page. From source (dev, tests) it is
 * computed here.
 */
const dashboardWorker = builtWorkerFile('dashboard-worker', { warnIfMissing: workersExpected });
const compute = (input: DashboardInput): Promise<View> =>
	dashboardWorker ? runWorker<View>(dashboardWorker, { databaseUrl, input }, {}) : computeDashboard(db, input);

/**
 * Dashboards are computed from a 年度's facts and kept as finished views (small: sums, not
 * rows) for REPORT_TTL_SECONDS (default 60), per organisation, 年度, scope, targets and
 * curricula. An older view is served while a fresh one is computed in the background, and the
 * page shows when its figures were computed. The facts themselves are dropped after each
 * computation, so memory does not grow with the number of staff × modules.
 */
const ttlMs = () => REPORT_TTL_SECONDS * 1000;
const views = new Map<string, { view: View; at: number }>();
const computing = new Map<string, Promise<View>>();

export async function dashboardFor(user: AuthUser, fiscalYear: number, fresh = false): Promise<View> {
	const [targets, curricula] = await Promise.all([
		listTargets(db, user.orgId, fiscalYear),
		listCurriculumModules(db, user.orgId)
	]);
	const curriculumInfo = new Map<string, CurriculumInfo>(
		curricula.map((c) => [c.id, { name: c.name, slugs: c.items.map((i) => i.moduleSlug) }])
	);
	const scope = { paths: reportScope(user) };
	// a view holds a few labels, so it is kept per locale
	const locale = getLocale();
	const key = JSON.stringify([locale, user.orgId, fiscalYear, scope.paths, targets, [...curriculumInfo]]);
	const refresh = () => {
		let p = computing.get(key);
		if (!p) {
			const started = Date.now();
			const input: DashboardInput = {
				orgId: user.orgId,
				fiscalYear,
				now: new Date(started).toISOString(),
				scopePaths: scope.paths,
				targets,
				modules: reportModules(),
				curricula: [...curriculumInfo],
				locale
			};
			p = compute(input)
				.then((view) => {
					if (views.size > 500) views.clear();
					views.set(key, { view, at: started });
					return view;
				})
				.finally(() => computing.delete(key));
			computing.set(key, p);
		}
		return p;
	};
	const cached = views.get(key);
	if (!cached || fresh) return refresh();
	if (Date.now() - cached.at > ttlMs()) refresh().catch((e) => console.error('[reports] refresh failed:', e));
	return cached.view;
}
