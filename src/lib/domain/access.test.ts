import { describe, expect, it } from 'vitest';
import { isInSubtree } from './unit-path.ts';
import {
	canEnterSection,
	canIssuePasswordFor,
	canManageTrainingOf,
	canSeePerson,
	canSeeUnit,
	homeSection,
	reportScope,
	sectionsFor,
	type Grant,
	type Viewer
} from './access.ts';

const viewer = (grants: Grant[], orgId = 'org1'): Viewer => ({ id: 'me', orgId, grants });
const manager = (unitPath: string): Grant => ({ role: 'manager', unitId: 'u', unitPath });
const role = (r: Grant['role']): Grant => ({ role: r, unitId: null, unitPath: null });

const KIKAKU = '/soumu/kikaku/';
const KIKAKU_TEAM = '/soumu/kikaku/team1/';
const KIKAKU2 = '/soumu/kikaku2/';
const JINJI = '/soumu/jinji/';

describe('isInSubtree', () => {
	it.each([
		[KIKAKU, KIKAKU, true],
		[KIKAKU_TEAM, KIKAKU, true],
		[KIKAKU2, KIKAKU, false],
		[JINJI, KIKAKU, false],
		['/soumu/', KIKAKU, false],
		[KIKAKU, '/soumu/kikaku', false]
	])('%s in %s → %s', (unit, scope, expected) => expect(isInSubtree(unit, scope)).toBe(expected));
});

describe('canSeeUnit', () => {
	const cases: [string, Viewer, string, string, boolean][] = [
		['employee sees no unit', viewer([]), 'org1', KIKAKU, false],
		['manager sees own 課', viewer([manager(KIKAKU)]), 'org1', KIKAKU, true],
		['manager sees a 係 in own 課', viewer([manager(KIKAKU)]), 'org1', KIKAKU_TEAM, true],
		['manager does not see a 課 with a similar id', viewer([manager(KIKAKU)]), 'org1', KIKAKU2, false],
		['manager does not see another 課', viewer([manager(KIKAKU)]), 'org1', JINJI, false],
		['manager does not see the parent 部', viewer([manager(KIKAKU)]), 'org1', '/soumu/', false],
		['manager of two 課 sees both', viewer([manager(KIKAKU), manager(JINJI)]), 'org1', JINJI, true],
		['HR sees every unit', viewer([role('hr')]), 'org1', JINJI, true],
		['HR never sees another organisation', viewer([role('hr')]), 'org2', JINJI, false],
		['admin never sees another organisation', viewer([role('admin')]), 'org2', KIKAKU, false],
		['manager never sees another organisation', viewer([manager(KIKAKU)]), 'org2', KIKAKU, false]
	];
	it.each(cases)('%s', (_label, v, org, path, expected) => expect(canSeeUnit(v, org, path)).toBe(expected));
});

describe('canSeePerson', () => {
	const target = (unitPaths: string[], id = 'p1', orgId = 'org1') => ({ id, orgId, unitPaths });
	it('lets everyone see themself', () => expect(canSeePerson(viewer([]), target([JINJI], 'me'))).toBe(true));
	it('hides colleagues from an employee', () => expect(canSeePerson(viewer([]), target([KIKAKU]))).toBe(false));
	it('shows a manager the staff of their 課 only', () => {
		const v = viewer([manager(KIKAKU)]);
		expect(canSeePerson(v, target([KIKAKU_TEAM]))).toBe(true);
		expect(canSeePerson(v, target([JINJI]))).toBe(false);
		expect(canSeePerson(v, target([]))).toBe(false);
	});
	it('hides a person of another organisation even with the same id', () =>
		expect(canSeePerson(viewer([role('admin')]), target([KIKAKU], 'me', 'org2'))).toBe(false));
});

describe('sections and home', () => {
	it.each([
		[[], 'mypage'],
		[[manager(KIKAKU)], 'manager'],
		[[role('hr')], 'hr'],
		[[role('admin'), role('hr')], 'admin'],
		[[role('executive')], 'dashboard'],
		[[role('security_officer'), manager(KIKAKU)], 'dashboard']
	] as [Grant[], string][])('home of %j is %s', (grants, home) => expect(homeSection(viewer(grants))).toBe(home));

	it('gives an employee only マイページ', () => {
		expect(sectionsFor(viewer([]))).toEqual(['mypage']);
		expect(canEnterSection(viewer([]), 'hr')).toBe(false);
		expect(canEnterSection(viewer([]), 'admin')).toBe(false);
	});

	it('gives a 課長 the dashboard, limited to their own 課; HR and executives see everything', () => {
		expect(sectionsFor(viewer([manager(KIKAKU)]))).toEqual(['mypage', 'manager', 'dashboard']);
		expect(reportScope(viewer([manager(KIKAKU)]))).toEqual([KIKAKU]);
		expect(reportScope(viewer([role('executive')]))).toBeNull();
		expect(reportScope(viewer([role('hr'), manager(KIKAKU)]))).toBeNull();
		expect(reportScope(viewer([]))).toEqual([]);
	});

	it('lets HR into the HR console and dashboard but not admin', () => {
		expect(sectionsFor(viewer([role('hr')]))).toEqual(['mypage', 'hr', 'dashboard']);
	});
});

describe('canManageTrainingOf', () => {
	const target = (unitPaths: string[], id = 'p1', orgId = 'org1') => ({ id, orgId, unitPaths });
	it.each([
		['HR, anyone in the organisation', viewer([role('hr')]), target([JINJI]), true],
		['a manager, their own staff', viewer([manager(KIKAKU)]), target([KIKAKU_TEAM]), true],
		['a manager, another 課', viewer([manager(KIKAKU)]), target([JINJI]), false],
		['an executive only reads', viewer([role('executive')]), target([JINJI]), false],
		['a security officer only reads', viewer([role('security_officer')]), target([JINJI]), false],
		['nobody exempts themself', viewer([role('hr')]), target([JINJI], 'me'), false],
		['never another organisation', viewer([role('admin')]), target([JINJI], 'p1', 'org2'), false]
	])('%s → %s', (_label, v, t, expected) => expect(canManageTrainingOf(v, t)).toBe(expected));
});

describe('canIssuePasswordFor', () => {
	const target = (roles: Grant['role'][], id = 'p1', orgId = 'org1') => ({ id, orgId, roles });
	it.each([
		['HR, a member of staff', viewer([role('hr')]), target([]), true],
		['HR, a 課長', viewer([role('hr')]), target(['manager']), true],
		['HR, another HR officer', viewer([role('hr')]), target(['hr']), true],
		[
			'HR, never an administrator (that would hand HR the admin account)',
			viewer([role('hr')]),
			target(['admin']),
			false
		],
		['HR, never a security officer', viewer([role('hr')]), target(['security_officer']), false],
		['an administrator, another administrator', viewer([role('admin')]), target(['admin', 'security_officer']), true],
		['a 課長 not at all', viewer([manager(KIKAKU)]), target([]), false],
		['an executive not at all', viewer([role('executive')]), target([]), false],
		['nobody, themself', viewer([role('admin')]), target([], 'me'), false],
		['never another organisation', viewer([role('admin')]), target([], 'p1', 'org2'), false]
	])('%s → %s', (_label, v, t, expected) => expect(canIssuePasswordFor(v, t)).toBe(expected));
});
