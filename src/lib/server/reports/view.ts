import { reportScope } from '../../domain/access';
import { fiscalYearOf } from '../../domain/japanese-date';
import { db } from '../db';
import { listModules } from '../content/catalog';
import { listCurricula } from '../curricula';
import { listTargets } from '../targets';
import { getYearData } from './cache';
import { buildDashboard, type CurriculumInfo, type ModuleInfo } from './dashboard';
import type { AuthUser } from '../auth/session';

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

export async function dashboardFor(user: AuthUser, fiscalYear: number, fresh = false) {
	const [data, targets, curricula] = await Promise.all([getYearData(user.orgId, fiscalYear, { fresh }), listTargets(db, user.orgId, fiscalYear), listCurricula(db, user.orgId)]);
	const curriculumInfo = new Map<string, CurriculumInfo>(curricula.map((c) => [c.id, { name: c.name, slugs: c.items.map((i) => i.moduleSlug) }]));
	return buildDashboard(data, targets, { paths: reportScope(user) }, reportModules(), curriculumInfo);
}
