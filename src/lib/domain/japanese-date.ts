/**
 * 年度 and 和暦. Dates are plain "YYYY-MM-DD" strings or Dates read in Japan time, so a
 * server in UTC does not move a 23:30 JST submission into the previous day.
 * The formatters write the reader's language (the request's locale unless one is given):
 * 和暦 in Japanese, day-month-year with the era in brackets for the 年度 in English.
 */
import { getLocale } from '../paraglide/runtime.js';

type DateLocale = 'ja' | 'en';
const ERA_EN: Record<string, string> = { 令和: 'Reiwa', 平成: 'Heisei', 昭和: 'Shōwa' };
const MONTHS_EN = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

const ERAS = [
	{ name: '令和', start: '2019-05-01' },
	{ name: '平成', start: '1989-01-08' },
	{ name: '昭和', start: '1926-12-25' }
] as const;

export type IsoDate = string;

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The calendar date in Japan (UTC+9, no DST) of an instant, as YYYY-MM-DD. */
export function toJstDate(instant: Date): IsoDate {
	return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

export function isIsoDate(s: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function asIso(date: Date | IsoDate): IsoDate {
	return typeof date === 'string' ? date : toJstDate(date);
}

/** 年度 (fiscal year, 1 April – 31 March) as the Western year it starts in. */
export function fiscalYearOf(date: Date | IsoDate): number {
	const iso = asIso(date);
	const year = Number(iso.slice(0, 4));
	const month = Number(iso.slice(5, 7));
	return month >= 4 ? year : year - 1;
}

export function fiscalYearRange(fy: number): { start: IsoDate; end: IsoDate } {
	return { start: `${fy}-04-01`, end: `${fy + 1}-03-31` };
}

/** The era in force on a date, with its year number (1 = 元年). */
export function eraOf(date: Date | IsoDate): { era: string; year: number } {
	const iso = asIso(date);
	const era = ERAS.find((e) => iso >= e.start);
	if (!era) throw new Error(`和暦に変換できない日付です: ${iso}`);
	return { era: era.name, year: Number(iso.slice(0, 4)) - Number(era.start.slice(0, 4)) + 1 };
}

const eraYear = (year: number) => (year === 1 ? '元' : String(year));

/**
 * 「令和7年度（2025年度）」 / "FY2025 (Reiwa 7)". A 年度 takes the era in force on 1 May of its
 * first year, which gives 令和元年度 for FY2019 (the era changed on 1 May 2019) and 昭和63年度 for FY1988.
 */
export function formatFiscalYear(fy: number, locale: DateLocale = getLocale()): string {
	const { era, year } = eraOf(`${fy}-05-01`);
	if (locale === 'en') return `FY${fy} (${ERA_EN[era]} ${year})`;
	return `${era}${eraYear(year)}年度（${fy}年度）`;
}

/** 「令和7年4月1日」 / "1 April 2025" */
export function formatWareki(date: Date | IsoDate, locale: DateLocale = getLocale()): string {
	const iso = asIso(date);
	const [y, mo, d] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
	if (locale === 'en') return `${d} ${MONTHS_EN[mo - 1]} ${y}`;
	const { era, year } = eraOf(iso);
	return `${era}${eraYear(year)}年${mo}月${d}日`;
}

/** 「令和7年4月1日 9:05」 / "1 April 2025 9:05" in Japan time. */
export function formatWarekiDateTime(instant: Date, locale: DateLocale = getLocale()): string {
	const jst = new Date(instant.getTime() + JST_OFFSET_MS);
	const hh = jst.getUTCHours();
	const mm = String(jst.getUTCMinutes()).padStart(2, '0');
	return `${formatWareki(instant, locale)} ${hh}:${mm}`;
}

/** Whole days from `from` to `to` (both calendar dates). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: IsoDate, days: number): IsoDate {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
