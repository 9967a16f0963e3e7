import { describe, expect, it } from 'vitest';
import {
	CODE_ALPHABET,
	canViewCertificate,
	curriculumCompletedOn,
	formatCertificateCode,
	generateCertificateCode,
	modulePassDate,
	normaliseCertificateCode
} from './certificate.ts';
import type { Grant, Viewer } from './access.ts';
import type { ModuleFact } from './report-facts.ts';

describe('verification codes', () => {
	it('are 12 characters of the unambiguous alphabet, and differ from call to call', () => {
		const codes = Array.from({ length: 200 }, () => generateCertificateCode());
		for (const c of codes) expect(c).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{12}$/);
		expect(new Set(codes).size).toBe(200);
		expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
	});

	it('skip bytes that would bias the draw (≥ 248) and map the rest by remainder', () => {
		const bytes = [255, 248, 0, 30, 31, 247, 1, 2, 3, 4, 5, 6, 7, 8];
		let i = 0;
		const random = (n: number) => Uint8Array.from({ length: n }, () => bytes[i++ % bytes.length]);
		// 0→A, 30→9, 31→A, 247→247%31=30→9, 1→B …
		expect(generateCertificateCode(random)).toBe('A9A9BCDEFGHJ');
	});

	it('are shown in groups of four', () => {
		expect(formatCertificateCode('ABCDEFGHJKMN')).toBe('ABCD-EFGH-JKMN');
	});

	const cases: [string, string | null][] = [
		['ABCD-EFGH-JKMN', 'ABCDEFGHJKMN'],
		['abcd efgh jkmn', 'ABCDEFGHJKMN'],
		['ＡＢＣＤ－ＥＦＧＨ－ＪＫＭＮ', 'ABCDEFGHJKMN'],
		['ａｂｃｄーｅｆｇｈーｊｋｍｎ', 'ABCDEFGHJKMN'],
		[' abcdefghjkmn ', 'ABCDEFGHJKMN'],
		['ABCD-EFGH-JKM', null],
		['ABCD-EFGH-JKMNP', null],
		['ABCD-EFGH-JKM0', null],
		['ABCD-EFGH-JKMI', null],
		['', null]
	];
	it.each(cases)('normalise %j → %j', (input, expected) => expect(normaliseCertificateCode(input)).toBe(expected));
});

describe('modulePassDate', () => {
	const results = [
		{ passed: false, submittedOn: '2025-05-01' },
		{ passed: true, submittedOn: '2025-06-10' },
		{ passed: true, submittedOn: '2025-05-20' },
		{ passed: true, submittedOn: '2026-04-02' }
	];
	it('is the first passing day in the 年度', () => expect(modulePassDate(results, 2025)).toBe('2025-05-20'));
	it('is the next 年度 for a pass after 1 April', () => expect(modulePassDate(results, 2026)).toBe('2026-04-02'));
	it('is null without a pass in the 年度', () => {
		expect(modulePassDate(results, 2024)).toBeNull();
		expect(modulePassDate([{ passed: false, submittedOn: '2025-05-01' }], 2025)).toBeNull();
	});
});

describe('curriculumCompletedOn', () => {
	const fact = (moduleSlug: string, o: Partial<ModuleFact> = {}): ModuleFact => ({
		personId: 'p1',
		moduleSlug,
		assigned: true,
		mandatory: true,
		exempt: false,
		dueDate: '2026-03-31',
		attempts: 0,
		firstPassed: false,
		passedAny: false,
		passed: false,
		passedOn: null,
		bestScorePct: null,
		...o
	});
	const passed = (slug: string, on: string) => fact(slug, { attempts: 1, passed: true, passedAny: true, passedOn: on });
	const mandatory = ['security-policy', 'onboarding'];

	it('is the day of the last pass when every mandatory module is passed', () =>
		expect(
			curriculumCompletedOn(
				mandatory,
				[passed('security-policy', '2025-07-01'), passed('onboarding', '2025-05-01')],
				true
			)
		).toBe('2025-07-01'));
	it('counts an exempt module as done', () =>
		expect(
			curriculumCompletedOn(
				mandatory,
				[passed('security-policy', '2025-07-01'), fact('onboarding', { exempt: true })],
				true
			)
		).toBe('2025-07-01'));
	it('is null while a mandatory module is open', () =>
		expect(
			curriculumCompletedOn(
				mandatory,
				[passed('security-policy', '2025-07-01'), fact('onboarding', { attempts: 2 })],
				true
			)
		).toBeNull());
	it('ignores recommended modules of other curricula and unassigned learning', () =>
		expect(
			curriculumCompletedOn(
				['security-policy'],
				[passed('security-policy', '2025-07-01'), fact('bpr'), fact('onboarding', { assigned: false })],
				true
			)
		).toBe('2025-07-01'));
	it('is null when everything is exempt, or nothing of it was assigned', () => {
		expect(
			curriculumCompletedOn(
				mandatory,
				[fact('security-policy', { exempt: true }), fact('onboarding', { exempt: true })],
				true
			)
		).toBeNull();
		expect(curriculumCompletedOn(mandatory, [fact('bpr')], true)).toBeNull();
	});
	it('is null for a person the curriculum does not cover, even with the same modules passed', () =>
		expect(
			curriculumCompletedOn(
				mandatory,
				[passed('security-policy', '2025-07-01'), passed('onboarding', '2025-05-01')],
				false
			)
		).toBeNull());
});

describe('canViewCertificate', () => {
	const viewer = (id: string, grants: Grant[] = []): Viewer => ({ id, orgId: 'org1', grants });
	const owner = { id: 'p1', orgId: 'org1', unitPaths: ['/d1/s1/'] };
	const cases: [string, Viewer, boolean][] = [
		['the owner', viewer('p1'), true],
		['another employee', viewer('p2'), false],
		['HR', viewer('p2', [{ role: 'hr', unitId: null, unitPath: null }]), true],
		['admin', viewer('p2', [{ role: 'admin', unitId: null, unitPath: null }]), true],
		['the 課長 of the owner', viewer('p2', [{ role: 'manager', unitId: 's1', unitPath: '/d1/s1/' }]), true],
		['the 部長 above the owner', viewer('p2', [{ role: 'manager', unitId: 'd1', unitPath: '/d1/' }]), true],
		['a 課長 of another 課', viewer('p2', [{ role: 'manager', unitId: 's2', unitPath: '/d1/s2/' }]), false],
		['an executive', viewer('p2', [{ role: 'executive', unitId: null, unitPath: null }]), false],
		[
			'HR of another organisation',
			{ id: 'x', orgId: 'org2', grants: [{ role: 'hr', unitId: null, unitPath: null }] },
			false
		]
	];
	it.each(cases)('%s → %s', (_label, v, expected) => expect(canViewCertificate(v, owner)).toBe(expected));
});
