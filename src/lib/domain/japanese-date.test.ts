import { describe, expect, it } from 'vitest';
import {
	addDays,
	daysBetween,
	eraOf,
	fiscalYearOf,
	fiscalYearRange,
	formatFiscalYear,
	formatWareki,
	formatWarekiDateTime,
	isIsoDate,
	toJstDate
} from './japanese-date.ts';

describe('fiscalYearOf (年度)', () => {
	it.each([
		['2025-04-01', 2025],
		['2026-03-31', 2025],
		['2026-04-01', 2026],
		['2024-02-29', 2023],
		['2025-12-31', 2025],
		['2025-01-01', 2024]
	])('%s → %i年度', (date, fy) => expect(fiscalYearOf(date)).toBe(fy));

	it('reads an instant in Japan time: 2026-03-31 23:30 JST is still 年度 2025', () => {
		const instant = new Date('2026-03-31T14:30:00Z');
		expect(toJstDate(instant)).toBe('2026-03-31');
		expect(fiscalYearOf(instant)).toBe(2025);
		expect(fiscalYearOf(new Date('2026-03-31T15:00:00Z'))).toBe(2026);
	});

	it('gives the range of a 年度', () => {
		expect(fiscalYearRange(2025)).toEqual({ start: '2025-04-01', end: '2026-03-31' });
	});
});

describe('和暦', () => {
	it.each([
		[2025, '令和7年度（2025年度）'],
		[2019, '令和元年度（2019年度）'],
		[2018, '平成30年度（2018年度）'],
		[1989, '平成元年度（1989年度）'],
		[1988, '昭和63年度（1988年度）']
	])('年度 %i → %s', (fy, text) => expect(formatFiscalYear(fy)).toBe(text));

	it.each([
		['2019-04-30', '平成31年4月30日'],
		['2019-05-01', '令和元年5月1日'],
		['1989-01-07', '昭和64年1月7日'],
		['1989-01-08', '平成元年1月8日'],
		['2025-04-01', '令和7年4月1日']
	])('%s → %s', (date, text) => expect(formatWareki(date)).toBe(text));

	it('formats a time of day in Japan time', () => {
		expect(formatWarekiDateTime(new Date('2025-04-01T00:05:00Z'))).toBe('令和7年4月1日 9:05');
	});

	it('refuses dates before 昭和', () => {
		expect(() => eraOf('1900-01-01')).toThrow(/和暦/);
	});
});

describe('calendar dates', () => {
	it.each([
		['2025-02-29', false],
		['2024-02-29', true],
		['2025-13-01', false],
		['2025-4-1', false],
		['2025-04-31', false],
		['２０２５-04-01', false]
	])('isIsoDate(%s) = %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));

	it('counts and adds days across a leap day', () => {
		expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
		expect(addDays('2024-02-28', 30)).toBe('2024-03-29');
		expect(addDays('2026-03-01', 30)).toBe('2026-03-31');
	});
});

describe('in English', () => {
	it('writes the fiscal year with its era and dates day-month-year', () => {
		expect(formatFiscalYear(2025, 'en')).toBe('FY2025 (Reiwa 7)');
		expect(formatFiscalYear(2019, 'en')).toBe('FY2019 (Reiwa 1)');
		expect(formatWareki('2026-03-31', 'en')).toBe('31 March 2026');
		expect(formatWarekiDateTime(new Date('2025-04-01T00:05:00Z'), 'en')).toBe('1 April 2025 9:05');
	});
	it('still writes 和暦 when Japanese is asked for', () => {
		expect(formatWareki('2025-04-01', 'ja')).toBe('令和7年4月1日');
	});
});
