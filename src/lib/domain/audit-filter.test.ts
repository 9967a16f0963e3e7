import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '../paraglide/runtime.js';
import { auditRange, parseAuditFilter } from './audit-filter.ts';

const parse = (q: string) => parseAuditFilter(new URLSearchParams(q), ['auth.sign_in', 'role.granted']);

describe('parseAuditFilter', () => {
	it('reads every field', () => {
		expect(parse('from=2026-04-01&to=2026-04-30&action=auth.sign_in&actor=０００１２３&page=3')).toEqual({
			filter: { from: '2026-04-01', to: '2026-04-30', action: 'auth.sign_in', actor: '000123', page: 3 },
			errors: {}
		});
	});
	it('an empty form is no filter', () => {
		expect(parse('')).toEqual({ filter: { from: null, to: null, action: null, actor: null, page: 1 }, errors: {} });
	});
	it('names each bad field and drops it from the query', () => {
		const r = parse('from=2026/13/01&to=x&action=drop table&actor=<script>&page=-1');
		expect(Object.keys(r.errors).sort()).toEqual(['action', 'actor', 'from', 'to']);
		expect(r.filter).toEqual({ from: null, to: null, action: null, actor: null, page: 1 });
	});
	it('refuses an end before the start', () => {
		expect(parse('from=2026-05-01&to=2026-04-01').errors.to).toMatch(/開始日/);
	});
});

describe('auditRange', () => {
	it('covers whole JST days, end day included', () => {
		const r = auditRange({ from: '2026-04-01', to: '2026-04-01' });
		expect(r.since?.toISOString()).toBe('2026-03-31T15:00:00.000Z');
		expect(r.until?.toISOString()).toBe('2026-04-01T15:00:00.000Z');
	});
});

describe('messages for an English reader', () => {
	const base = getLocale;
	afterEach(() => overwriteGetLocale(base));

	it('explains bad dates and an unknown action in English', () => {
		overwriteGetLocale(() => 'en');
		expect(parse('from=2026-13-01&to=x&action=nope').errors).toEqual({
			from: 'Please enter the start date as a date (e.g. 2026-04-01).',
			to: 'Please enter the end date as a date (e.g. 2026-04-01).',
			action: 'Please choose the type of action from the list.'
		});
	});
});
