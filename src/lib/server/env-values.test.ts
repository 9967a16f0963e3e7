import { describe, expect, it } from 'vitest';
import { httpUrl, text, wholeNumber } from './env-values.ts';

describe('environment variables', () => {
	it('an unset or empty variable takes its default', () => {
		expect(text('file:manabi.db')(undefined)).toBe('file:manabi.db');
		expect(text('file:manabi.db')('  ')).toBe('file:manabi.db');
		expect(text()(undefined)).toBeUndefined();
		expect(wholeNumber('EXPORT_WORKERS', 2, 0, 16)('')).toBe(2);
		expect(httpUrl('ORIGIN')(undefined)).toBeUndefined();
	});

	it('a set variable is used as given', () => {
		expect(text('file:manabi.db')('file:/srv/manabi/manabi.db')).toBe('file:/srv/manabi/manabi.db');
		expect(wholeNumber('EXPORT_WORKERS', 2, 0, 16)('0')).toBe(0);
		expect(wholeNumber('REPORT_TTL_SECONDS', 60)('300')).toBe(300);
		expect(httpUrl('ORIGIN')('https://manabi.city.lg.jp')).toBe('https://manabi.city.lg.jp');
	});

	it('a value that cannot be right names the variable, in Japanese and English', () => {
		expect(() => wholeNumber('EXPORT_WORKERS', 2, 0, 16)('two')).toThrow(
			/EXPORT_WORKERS="two" は使えません。0〜16 の整数.*EXPORT_WORKERS must be a whole number from 0 to 16/
		);
		expect(() => wholeNumber('EXPORT_WORKERS', 2, 0, 16)('17')).toThrow(/0〜16 の整数/);
		expect(() => wholeNumber('REPORT_TTL_SECONDS', 60)('-1')).toThrow(/REPORT_TTL_SECONDS="-1".*0 以上の整数/);
		expect(() => wholeNumber('SESSION_IDLE_MINUTES', 30, 1)('1.5')).toThrow(/1 以上の整数/);
		expect(() => httpUrl('ORIGIN')('manabi.city.lg.jp')).toThrow(/ORIGIN=.*http:\/\/ か https:\/\/ で始まる URL/);
		expect(() => httpUrl('ORIGIN')('ftp://manabi.city.lg.jp')).toThrow(/ORIGIN must be a URL/);
	});
});
