import { env } from '$env/dynamic/private';
import { db } from '../db';
import { loadYearData, type YearData } from './year';

/**
 * Reports read a 年度's data once and serve it from memory until it is older than
 * REPORT_TTL_SECONDS (default 60): a dashboard for 30,000 staff then costs a filter and a
 * sum, not a table scan per click. A stale copy is served while a fresh one loads in the
 * background; the page shows when its figures were computed and can ask for a fresh copy.
 */
const ttlMs = () => (Number(env.REPORT_TTL_SECONDS) >= 0 && env.REPORT_TTL_SECONDS !== undefined && env.REPORT_TTL_SECONDS !== '' ? Number(env.REPORT_TTL_SECONDS) : 60) * 1000;

const cache = new Map<string, YearData>();
const loading = new Map<string, Promise<YearData>>();

function load(orgId: string, fiscalYear: number) {
	const key = `${orgId}:${fiscalYear}`;
	let p = loading.get(key);
	if (!p) {
		p = loadYearData(db, orgId, fiscalYear)
			.then((data) => {
				cache.set(key, data);
				return data;
			})
			.finally(() => loading.delete(key));
		loading.set(key, p);
	}
	return p;
}

export async function getYearData(orgId: string, fiscalYear: number, opts: { fresh?: boolean } = {}): Promise<YearData> {
	const cached = cache.get(`${orgId}:${fiscalYear}`);
	if (!cached || opts.fresh) return load(orgId, fiscalYear);
	if (Date.now() - cached.computedAt.getTime() > ttlMs()) load(orgId, fiscalYear).catch((e) => console.error('[reports] refresh failed:', e));
	return cached;
}
