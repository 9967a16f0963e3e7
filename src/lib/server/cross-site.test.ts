import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite } from './cross-site.ts';

const APP = 'https://manabi.example.lg.jp';

describe('isCrossSiteWrite', () => {
	it.each([
		['POST', APP, false],
		['POST', 'https://evil.example', true],
		['POST', 'http://manabi.example.lg.jp', true],
		['POST', 'https://manabi.example.lg.jp:8443', true],
		['POST', null, true],
		['POST', 'null', true],
		['put', 'https://evil.example', true],
		['PATCH', 'https://evil.example', true],
		['DELETE', null, true],
		['GET', 'https://evil.example', false],
		['HEAD', null, false],
		['OPTIONS', 'https://evil.example', false]
	])('%s from %s → %s', (method, origin, expected) => expect(isCrossSiteWrite(method, origin, APP)).toBe(expected));
});
