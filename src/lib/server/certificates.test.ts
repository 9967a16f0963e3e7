import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { attempt, attemptResult, auditEvent, certificate, exemption, organisation } from './db/schema.ts';
import { testDb } from './testing/db.ts';
import { evaluateAssignments } from './assignments.ts';
import { saveCurriculum } from './curricula.ts';
import { issueOnce, listCompletedCurricula, openCurriculumCertificate, openModuleCertificate } from './certificates.ts';
import { getCertificateFor, verifyCertificateCode } from './certificate-views.ts';

const p1 = { id: 'p1', orgId: 'org1' };
const p2 = { id: 'p2', orgId: 'org1' };
let db: Db;
let n = 0;
beforeEach(async () => {
	db = await testDb();
});

/** A submitted quiz result on a JST date. */
async function result(personId: string, slug: string, day: string, passed: boolean) {
	const id = `a${++n}`;
	const at = new Date(`${day}T01:00:00Z`);
	const fy = Number(day.slice(5, 7)) >= 4 ? Number(day.slice(0, 4)) : Number(day.slice(0, 4)) - 1;
	const base = { orgId: 'org1', personId, moduleSlug: slug, moduleVersion: '1.0.0', fiscalYear: fy };
	await db.insert(attempt).values({ id, ...base, contentHash: 'h', passMark: 80, draw: [], startedAt: at });
	await db
		.insert(attemptResult)
		.values({ attemptId: id, ...base, answers: {}, score: passed ? 9 : 3, maxScore: 10, passed, submittedAt: at });
}

describe('module certificates', () => {
	it('are not issued without a pass in the 年度', async () => {
		await result('p1', 'bpr', '2025-06-01', false);
		await result('p1', 'bpr', '2025-03-31', true);
		expect(await openModuleCertificate(db, p1, 'bpr', 2025, 'BPR入門')).toBeNull();
		expect(await db.select().from(certificate)).toHaveLength(0);
	});

	it('are issued once: the second open returns the same certificate and code; the first pass is the 修了日', async () => {
		await result('p1', 'bpr', '2025-06-10', true);
		await result('p1', 'bpr', '2025-05-20', true);
		const first = await openModuleCertificate(db, p1, 'bpr', 2025, 'BPR入門', new Date('2025-07-01T00:00:00Z'));
		expect(first).toMatchObject({
			personId: 'p1',
			kind: 'module',
			subjectId: 'bpr',
			subjectTitle: 'BPR入門',
			fiscalYear: 2025,
			completedOn: '2025-05-20'
		});
		expect(first!.code).toMatch(/^[A-Z2-9]{12}$/);
		await result('p1', 'bpr', '2025-08-01', true);
		const again = await openModuleCertificate(db, p1, 'bpr', 2025, '改題された題名', new Date('2025-09-01T00:00:00Z'));
		expect(again).toEqual(first);
		expect(await db.select().from(certificate)).toHaveLength(1);
	});

	it('a pass in the next 年度 gives a certificate of its own', async () => {
		await result('p1', 'bpr', '2025-06-10', true);
		await result('p1', 'bpr', '2026-04-10', true);
		const a = await openModuleCertificate(db, p1, 'bpr', 2025, 'BPR入門');
		const b = await openModuleCertificate(db, p1, 'bpr', 2026, 'BPR入門');
		expect(b!.id).not.toBe(a!.id);
		expect(b!.code).not.toBe(a!.code);
		expect(b!.completedOn).toBe('2026-04-10');
	});

	it('draws a new code when a code is already taken', async () => {
		const codes = ['AAAABBBBCCCC', 'AAAABBBBCCCC', 'DDDDEEEEFFFF'];
		const next = () => codes.shift()!;
		const s = {
			kind: 'module' as const,
			subjectId: 'bpr',
			subjectTitle: 'BPR',
			fiscalYear: 2025,
			completedOn: '2025-06-01'
		};
		expect((await issueOnce(db, p1, s, new Date(), next)).code).toBe('AAAABBBBCCCC');
		expect((await issueOnce(db, p2, s, new Date(), next)).code).toBe('DDDDEEEEFFFF');
	});
});

describe('curriculum certificates', () => {
	const mandatory = (moduleSlug: string, recurrence: 'every_fiscal_year' | 'once') => ({
		moduleSlug,
		mandatory: true,
		due: { kind: 'fiscal_year_end' as const },
		recurrence
	});
	const versions = new Map([
		['security-policy', '1.0.0'],
		['onboarding', '1.0.0'],
		['bpr', '1.0.0']
	]);
	let curriculumId: string;
	beforeEach(async () => {
		const items = [
			mandatory('security-policy', 'every_fiscal_year'),
			mandatory('onboarding', 'once'),
			{ ...mandatory('bpr', 'once'), mandatory: false }
		];
		curriculumId = (await saveCurriculum(
			db,
			p1,
			null,
			{ name: '新任職員研修', active: true, criteria: {}, items },
			null
		))!;
		await evaluateAssignments(db, 'org1', '2025-05-01', versions);
	});

	it('a curriculum is complete when every mandatory module is passed (recommended ones do not matter)', async () => {
		await result('p1', 'onboarding', '2025-05-10', true);
		await result('p1', 'security-policy', '2025-06-01', false);
		expect(await listCompletedCurricula(db, p1, '2025-06-01')).toEqual([]);
		expect(await openCurriculumCertificate(db, p1, curriculumId, 2025, '2025-06-01')).toBeNull();
		await result('p1', 'security-policy', '2025-06-02', true);
		expect(await listCompletedCurricula(db, p1, '2025-07-01')).toEqual([
			{ curriculumId, name: '新任職員研修', fiscalYear: 2025, completedOn: '2025-06-02' }
		]);
		const cert = await openCurriculumCertificate(db, p1, curriculumId, 2025, '2025-07-01');
		expect(cert).toMatchObject({
			kind: 'curriculum',
			subjectId: curriculumId,
			subjectTitle: '新任職員研修',
			completedOn: '2025-06-02'
		});
		expect((await openCurriculumCertificate(db, p1, curriculumId, 2025, '2025-07-02'))!.code).toBe(cert!.code);
	});

	it('an exempt mandatory module counts as done; someone the curriculum never covered gets nothing', async () => {
		await result('p2', 'security-policy', '2025-06-01', true);
		expect(await listCompletedCurricula(db, p2, '2025-07-01')).toEqual([]);
		await db.insert(exemption).values({
			id: 'e1',
			orgId: 'org1',
			personId: 'p2',
			moduleSlug: 'onboarding',
			reason: '育休',
			fromDate: '2025-05-01',
			toDate: '2026-03-31',
			createdBy: 'p1',
			createdAt: new Date()
		});
		expect(await listCompletedCurricula(db, p2, '2025-07-01')).toMatchObject([
			{ curriculumId, completedOn: '2025-06-01' }
		]);
		const other = await saveCurriculum(
			db,
			p1,
			null,
			{
				name: '管理職研修',
				active: true,
				criteria: { jobGrades: ['課長'] },
				items: [mandatory('security-policy', 'every_fiscal_year')]
			},
			null
		);
		expect((await listCompletedCurricula(db, p2, '2025-07-01')).map((c) => c.curriculumId)).not.toContain(other);
		expect(await openCurriculumCertificate(db, p2, other!, 2025, '2025-07-01')).toBeNull();
	});
});

describe('opening and verifying', () => {
	const hr = { id: 'p2', orgId: 'org1', grants: [{ role: 'hr' as const, unitId: null, unitPath: null }] };
	let cert: Awaited<ReturnType<typeof openModuleCertificate>>;
	beforeEach(async () => {
		await result('p1', 'bpr', '2025-06-10', true);
		cert = await openModuleCertificate(db, p1, 'bpr', 2025, 'BPR入門', new Date('2025-06-11T03:00:00Z'));
	});

	it('the owner, HR and the owner’s 課長 may open it; another employee may not', async () => {
		const view = await getCertificateFor(db, { ...p1, grants: [] }, cert!.id, '2025-07-01');
		expect(view).toMatchObject({
			subjectTitle: 'BPR入門',
			completedOn: '2025-06-10',
			issuedOn: '2025-06-11',
			orgName: 'テスト市',
			person: { name: '山田 太郎', kana: 'ヤマダ タロウ', employeeNo: '000101' }
		});
		expect(view!.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
		expect(await getCertificateFor(db, hr, cert!.id, '2025-07-01')).not.toBeNull();
		expect(
			await getCertificateFor(
				db,
				{ ...p2, grants: [{ role: 'manager', unitId: 'u1', unitPath: '/u1/' }] },
				cert!.id,
				'2025-07-01'
			)
		).not.toBeNull();
		expect(await getCertificateFor(db, { ...p2, grants: [] }, cert!.id, '2025-07-01')).toBeNull();
		expect(await getCertificateFor(db, { ...p1, grants: [] }, 'a'.repeat(24), '2025-07-01')).toBeNull();
	});

	it('HR verifies a code however it is typed, and every lookup is audited', async () => {
		const typed = cert!.code
			.toLowerCase()
			.replace(/(.{4})(?=.)/g, '$1ー')
			.replace(/[a-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
		const found = await verifyCertificateCode(db, hr, typed, '10.0.0.1', '2025-07-01');
		expect(found).toMatchObject({
			ok: true,
			certificate: { id: cert!.id, subjectTitle: 'BPR入門', units: ['総務課'], person: { employeeNo: '000101' } }
		});
		expect(await verifyCertificateCode(db, hr, 'ABCD-EFGH-JKMN', null, '2025-07-01')).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await verifyCertificateCode(db, hr, '1234', null, '2025-07-01')).toEqual({ ok: false, reason: 'format' });
		const events = await db.select().from(auditEvent).where(eq(auditEvent.action, 'certificate.verified'));
		expect(events.map((e) => [e.targetType, e.targetId, JSON.parse(e.after!).found])).toEqual([
			['person', 'p1', true],
			['certificate', null, false]
		]);
		expect(events[0].ip).toBe('10.0.0.1');
	});

	it('a code of another organisation is not found', async () => {
		await db.insert(organisation).values({ id: 'org2', code: 'other', name: '別の町', kana: 'ベツノマチ' });
		const outsider = { id: 'x', orgId: 'org2' };
		expect(await verifyCertificateCode(db, outsider, cert!.code, null, '2025-07-01')).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});
});
