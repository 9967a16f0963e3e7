/** How figures are written for a reader, the same on every page. Pure; tested in format.test.ts. */
import { m } from '../paraglide/messages.js';

/** Shown where a figure does not exist (no one to count, no denominator). */
export const NO_VALUE = '—';

/**
 * A percentage with one decimal ("83.3%"), or NO_VALUE. `trim` drops a zero decimal ("100%"),
 * for figures that are whole numbers as a rule: goals, progress of a job, shares in an import.
 */
export function formatPercent(v: number | null, opts: { trim?: boolean } = {}): string {
	if (v === null) return NO_VALUE;
	const fixed = v.toFixed(1);
	return `${opts.trim && fixed.endsWith('.0') ? fixed.slice(0, -2) : fixed}%`;
}

/** A target's figure: a number of people for a head count, a percentage for a rate. */
export function formatMetricValue(metric: string, v: number | null, opts: { trim?: boolean } = {}): string {
	if (v === null) return NO_VALUE;
	return metric === 'person_count' ? m.people_count({ count: v.toLocaleString('ja-JP') }) : formatPercent(v, opts);
}
