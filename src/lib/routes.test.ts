import { describe, expect, it } from 'vitest';
import { hrPeopleHref, loginHref, safeNext } from './routes.ts';

describe('safeNext', () => {
	it.each([
		['/hr/people?q=1', '/hr/people?q=1'],
		['//evil.example.com', null],
		['https://evil.example.com', null],
		['/\\evil.example.com', null],
		['', null],
		[null, null]
	])('%j → %j', (input, out) => expect(safeNext(input)).toBe(out));
});

describe('hrefs', () => {
	it('encodes the destination of a sign-in redirect', () => {
		expect(loginHref('/hr/people?q=山田')).toBe('/login?next=%2Fhr%2Fpeople%3Fq%3D%E5%B1%B1%E7%94%B0');
		expect(loginHref('/')).toBe('/login');
	});
	it('builds the staff search link', () => {
		expect(hrPeopleHref('山田', 2)).toBe('/hr/people?q=%E5%B1%B1%E7%94%B0&page=2');
		expect(hrPeopleHref()).toBe('/hr/people');
	});
});
