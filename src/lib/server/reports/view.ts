import { env } from '$env/dynamic/private';
import { reportScope } from '../../domain/access';
import { fiscalYearOf } from '../../domain/japanese-date';
import { db } from '../db';
import { listModules } from '../content/catalog';
import { listCurriculumModules } from '../curricula';
import { listTargets } from '../targets';
import { loadYearData } from './year';
import { buildDashboard, type CurriculumInfo, type ModuleInfo } from './dashboard';
import type { AuthUser } from '../auth/session';
import { getLocale } from '../../paraglide/runtime';
import { yieldToEventLoop } from '../event-loop';

let moduleInfo: ModuleInfo[] | undefined;
/** Titles, categories and question stems (never choices or keys) of every module. */
export function reportModules(): ModuleInfo[] {
	moduleInfo ??= listModules().map((m) => ({ slug: m.slug, title: m.title, category: m.category, stems: new Map(m.bank.map((i) => [i.id, i.stem])) }));
	return moduleInfo;
}

/** A 年度 from the query string: a whole number near today, else the current 年度. */
export function chosenFiscalYear(raw: string | null, now = new Date()): number {
	const current = fiscalYearOf(now);
	const fy = raw && /^\d{4}$/.test(raw) ? Number(raw) : current;
	return fy >= 2000 && fy <= current + 1 ? fy : current;
}

type View = ReturnType<typeof buildDashboard>;

/**
 * Dashboards are computed from a 年度's facts and kept as finished views (small: sums, not
 * rows) for REPORT_TTL_SECONDS (default 60), per organisation, 年度, scope, targets and
 * curricula. An older view is served while a fresh one is computed in the background, and the
 * page shows when its figures were computed. The facts themselves are dropped after each
 * computation, so memory does not grow with the number of staff × modules.
 */
const ttlMs = () => {
	const seconds = Number(env.REPORT_TTL_SECONDS || 60);
	return (Number.isFinite(seconds) && seconds >= 0 ? seconds : 60) * 1000;
};
const views = new Map<string, { view: View; at: number }>();
const computing = new Map<string, Promise<View>>();

export async function dashboardFor(user: AuthUser, fiscalYear: number, fresh = false): Promise<View> {
	const [targets, curricula] = await Promise.all([listTargets(db, user.orgId, fiscalYear), listCurriculumModules(db, user.orgId)]);
	const curriculumInfo = new Map<string, CurriculumInfo>(curricula.map((c) => [c.id, { name: c.name, slugs: c.items.map((i) => i.moduleSlug) }]));
	const scope = { paths: reportScope(user) };
	// a view holds a few labels, so it is kept per locale
	const locale = getLocale();
	const key = JSON.stringify([locale, user.orgId, fiscalYear, scope.paths, targets, [...curriculumInfo]]);
	const compute = () => {
		let p = computing.get(key);
		if (!p) {
			const started = Date.now();
			p = loadYearData(db, user.orgId, fiscalYear, new Date(), scope.paths)
				.then(async (data) => {
					// the facts and the view are two long synchronous steps; other requests go in between
					await yieldToEventLoop();
					const view = buildDashboard(data, targets, scope, reportModules(), curriculumInfo, locale);
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
	if (!cached || fresh) return compute();
	if (Date.now() - cached.at > ttlMs()) compute().catch((e) => console.error('[reports] refresh failed:', e));
	return cached.view;
}
