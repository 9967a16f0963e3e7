import { describe, expect, it } from 'vitest';
import { params } from './params.ts';

const matches = (name: keyof typeof params, value: string) => {
	const result = params[name]['~standard'].validate(value);
	if (result instanceof Promise) throw new Error('matchers are synchronous');
	return !result.issues;
};

describe('route parameter matchers', () => {
	it('accept the shapes the app makes', () => {
		expect(matches('id', 'abcdefghijklmnopqrstuvwx')).toBe(true);
		expect(matches('slug', 'security-policy')).toBe(true);
		expect(matches('year', '2026')).toBe(true);
	});
	it('refuse anything else, so such a URL is a 404', () => {
		expect(matches('id', 'ABCDEFGHIJKLMNOPQRSTUVWX')).toBe(false);
		expect(matches('id', 'abc')).toBe(false);
		expect(matches('slug', '../etc')).toBe(false);
		expect(matches('slug', '-lead')).toBe(false);
		expect(matches('year', '1899')).toBe(false);
		expect(matches('year', '26')).toBe(false);
	});
});
