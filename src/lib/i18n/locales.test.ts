import { describe, expect, it } from 'vitest';
import { isAppLocale, otherLocale, safeReturnPath } from './locales.ts';

describe('locales', () => {
	it('knows Japanese and English only', () => {
		expect(isAppLocale('ja')).toBe(true);
		expect(isAppLocale('en')).toBe(true);
		expect(isAppLocale('EN')).toBe(false);
		expect(isAppLocale('de')).toBe(false);
		expect(isAppLocale(undefined)).toBe(false);
	});
	it('offers the other language', () => {
		expect(otherLocale('ja')).toBe('en');
		expect(otherLocale('en')).toBe('ja');
	});
	it('returns only to a path on this site', () => {
		expect(safeReturnPath('/learn/open-data?s=2')).toBe('/learn/open-data?s=2');
		for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'learn', '', null, '/a\nb'])
			expect(safeReturnPath(bad)).toBe('/');
	});
});
