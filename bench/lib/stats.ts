/** The bench's arithmetic, kept pure so it is tested (stats.test.ts): percentiles, rates, ratios. */

export type Percentiles = { n: number; p50: number; p95: number; p99: number; max: number };

/**
 * Nearest-rank percentile: the smallest sample with at least p % of the samples at or below it
 * (p50 of 1…100 is 50, p99 is 99). 0 for no samples.
 */
export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return 0;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1];
}

/** p50/p95/p99/max of samples in ms, rounded to whole ms. */
export function percentiles(xs: readonly number[]): Percentiles {
	const s = [...xs].sort((a, b) => a - b);
	const at = (p: number) => Math.round(percentile(s, p));
	return { n: s.length, p50: at(50), p95: at(95), p99: at(99), max: s.length ? Math.round(s[s.length - 1]) : 0 };
}

/** Events per second over `ms` milliseconds, rounded; 0 when no time passed. */
export const perSecond = (count: number, ms: number) => (ms > 0 ? Math.round(count / (ms / 1000)) : 0);

/** `part` as a percentage of `whole` with one decimal ("3.4%"), or "—" when there is no whole to compare with. */
export const ratio = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 1000) / 10}%` : '—');

/** CPU time per request in ms (two decimals), from a process's CPU ms before and after the load. */
export const cpuPerRequest = (cpuBeforeMs: number | null, cpuAfterMs: number | null, requests: number) =>
	cpuBeforeMs === null || cpuAfterMs === null || requests === 0
		? null
		: Math.round(((cpuAfterMs - cpuBeforeMs) / requests) * 100) / 100;
