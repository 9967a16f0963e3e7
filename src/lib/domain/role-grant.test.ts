import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '../paraglide/runtime.js';
import { grantProblems, revokeProblem } from './role-grant.ts';

describe('grantProblems', () => {
	const section = { kind: 'section' as const };
	it.each([
		[{ role: 'hr', unit: null, unitGiven: false }, []],
		[{ role: 'manager', unit: section, unitGiven: true }, []],
		[{ role: 'manager', unit: { kind: 'department' as const }, unitGiven: true }, []],
		[{ role: 'manager', unit: null, unitGiven: false }, ['unitCode']],
		[{ role: 'manager', unit: null, unitGiven: true }, ['unitCode']],
		[{ role: 'manager', unit: { kind: 'team' as const }, unitGiven: true }, ['unitCode']],
		[{ role: 'hr', unit: section, unitGiven: true }, ['unitCode']],
		[{ role: 'superuser', unit: null, unitGiven: false }, ['role']]
	])('%j → %j', (input, fields) => expect(Object.keys(grantProblems(input))).toEqual(fields));
});

describe('revokeProblem', () => {
	const g = (id: string, role: 'admin' | 'hr', active = true) => ({ id, role, active });
	it('keeps the last active administrator', () => {
		expect(revokeProblem([g('a', 'admin'), g('h', 'hr')], 'a')).toMatch(/最後のシステム管理者/);
		expect(revokeProblem([g('a', 'admin'), g('b', 'admin', false)], 'a')).toMatch(/最後/);
	});
	it('allows revoking an administrator when another remains, and any other role', () => {
		expect(revokeProblem([g('a', 'admin'), g('b', 'admin')], 'a')).toBeNull();
		expect(revokeProblem([g('a', 'admin'), g('h', 'hr')], 'h')).toBeNull();
	});
	it('names a grant that is gone', () => expect(revokeProblem([], 'x')).toMatch(/見つかりません/));
});

describe('messages for an English reader', () => {
	const base = getLocale;
	afterEach(() => overwriteGetLocale(base));

	it('refuses a team and the last administrator in English', () => {
		overwriteGetLocale(() => 'en');
		expect(grantProblems({ role: 'manager', unit: { kind: 'team' }, unitGiven: true })).toEqual({
			unitCode: 'A team cannot be given. Please enter the unit code of the department or section they lead.'
		});
		expect(revokeProblem([{ id: 'g1', role: 'admin', active: true }], 'g1')).toBe(
			"The last system administrator's role cannot be revoked. First make another employee a system administrator."
		);
	});
});
