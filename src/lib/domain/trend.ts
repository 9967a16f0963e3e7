/**
 * The 年度 month by month and the questions most often missed: what the dashboard draws as a
 * trend and lists under 「よく間違える問題」. Pure, built on the counting rules of metrics.ts.
 */
import type { IsoDate } from './japanese-date.ts';
import type { ModuleFact, PersonFact } from './report-facts.ts';
import { getLocale } from '../paraglide/runtime.js';
import { counts, rate } from './metrics.ts';

/** The counts behind a monthly trend: facts in the completion denominator, and their passes by month of the 年度 (0 = 4月). */
export type TrendTally = { assigned: number; passedIn: number[] };

export const emptyTrend = (): TrendTally => ({ assigned: 0, passedIn: new Array(12).fill(0) });

/** Adds one fact to a trend tally (`p` is its person, if known). */
export function trendFact(tr: TrendTally, f: ModuleFact, p: PersonFact | undefined, fiscalYear: number): void {
	if (!counts(f, p)) return;
	tr.assigned++;
	if (!f.passed || f.passedOn === null) return;
	// 4月 of the 年度 is 0, 3月 of the next year 11; passes before or after the 年度 are in no month
	const i = (Number(f.passedOn.slice(0, 4)) - fiscalYear) * 12 + Number(f.passedOn.slice(5, 7)) - 4;
	if (i >= 0 && i < 12) tr.passedIn[i]++;
}

/** Month by month through the 年度 (4月…3月): passes so far and the completion rate at each month's end. */
export function trendOf(tr: TrendTally, fiscalYear: number, today: IsoDate) {
	const months: { label: string; end: IsoDate; passed: number | null; rate: number | null }[] = [];
	// 4月 in Japanese, Apr in English: the month's short name in the reader's locale
	const monthName = new Intl.DateTimeFormat(getLocale(), { month: 'short', timeZone: 'UTC' });
	let passed = 0;
	for (let i = 0; i < 12; i++) {
		const y = fiscalYear + (i >= 9 ? 1 : 0);
		const month = ((i + 3) % 12) + 1;
		const end = new Date(Date.UTC(y, month, 0)).toISOString().slice(0, 10);
		const future = end > today && `${y}-${String(month).padStart(2, '0')}-01` > today;
		passed += tr.passedIn[i];
		months.push({
			label: monthName.format(Date.UTC(y, month - 1, 1)),
			end,
			passed: future ? null : passed,
			rate: future ? null : rate(passed, tr.assigned)
		});
	}
	return months;
}

/** Month by month through the 年度 (4月…3月): passes so far and the completion rate at each month's end. */
export function monthlyTrend(
	facts: readonly ModuleFact[],
	people: ReadonlyMap<string, PersonFact>,
	fiscalYear: number,
	today: IsoDate
) {
	const tr = emptyTrend();
	for (const f of facts) trendFact(tr, f, people.get(f.personId), fiscalYear);
	return trendOf(tr, fiscalYear, today);
}

/** The questions most often missed in a module, worst first. */
export function mostMissed(items: readonly { itemId: string; answered: number; wrong: number }[], limit = 5) {
	return items
		.filter((i) => i.answered > 0 && i.wrong > 0)
		.map((i) => ({ ...i, missRate: rate(i.wrong, i.answered)! }))
		.sort((a, b) => b.missRate - a.missRate || b.answered - a.answered || a.itemId.localeCompare(b.itemId))
		.slice(0, limit);
}
