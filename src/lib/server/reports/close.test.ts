import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { assignment, attempt, attemptResult, auditEvent, fiscalYearClose, target } from '../db/schema.ts';
import { getLocale, overwriteGetLocale } from '../../paraglide/runtime.js';
import { testDb } from '../testing/db.ts';
import { closeFiscalYear, getClosedPack, PACK_FORMAT, sha256Hex } from './close.ts';

const NOW = new Date('2027-04-10T03:00:00Z');
const actor = { id: 'p1', orgId: 'org1', employeeNo: '000101', name: '山田 太郎' };
const modules = [
	{ slug: 'security-policy', title: '情報セキュリティ', category: '情報セキュリティ', stems: new Map() }
];

describe('closing a 年度', () => {
	it('freezes an evidence pack once, with a checksum that matches its bytes, and the database refuses to change it', async () => {
		const db = await testDb();
		const base = {
			orgId: 'org1',
			moduleSlug: 'security-policy',
			mandatory: true,
			recurrence: 'every_fiscal_year' as const,
			periodKey: 'fy:2026',
			source: 'test',
			createdAt: NOW
		};
		await db.insert(assignment).values([
			{ id: 'a1', personId: 'p1', dueDate: '2027-03-31', ...base },
			{ id: 'a2', personId: 'p2', dueDate: '2027-03-31', ...base }
		]);
		await db.insert(attempt).values({
			id: 't1',
			orgId: 'org1',
			personId: 'p1',
			moduleSlug: 'security-policy',
			moduleVersion: '1.2.0',
			contentHash: 'x',
			fiscalYear: 2026,
			passMark: 80,
			draw: [],
			startedAt: NOW
		});
		await db.insert(attemptResult).values({
			attemptId: 't1',
			orgId: 'org1',
			personId: 'p1',
			moduleSlug: 'security-policy',
			moduleVersion: '1.2.0',
			fiscalYear: 2026,
			answers: {},
			score: 8,
			maxScore: 10,
			passed: true,
			submittedAt: new Date('2026-06-01T01:00:00Z')
		});

		const r = await closeFiscalYear(db, actor, 2026, modules, null, NOW);
		expect(r.ok).toBe(true);
		const stored = (await getClosedPack(db, 'org1', 2026))!;
		expect(sha256Hex(stored.pack)).toBe(stored.sha256);
		const pack = JSON.parse(stored.pack);
		expect(pack).toMatchObject({
			format: PACK_FORMAT,
			fiscalYear: 2026,
			referenceDate: '2027-03-31',
			closedBy: { employeeNo: '000101' }
		});
		expect(pack.records.map((x: { employeeNo: string; status: string }) => [x.employeeNo, x.status])).toEqual([
			['000101', '合格'],
			['000102', '期限切れ']
		]);
		expect(pack.attempts).toEqual([
			{
				employeeNo: '000101',
				module: 'security-policy',
				version: '1.2.0',
				score: 8,
				maxScore: 10,
				passed: true,
				submittedOn: '2026-06-01',
				submittedAt: '2026-06-01T01:00:00.000Z'
			}
		]);
		expect(pack.overall).toMatchObject({ assigned: 2, passed: 1, completionRate: 50 });

		// once only, and immutable
		expect(await closeFiscalYear(db, actor, 2026, modules, null, NOW)).toEqual({
			ok: false,
			message: expect.stringContaining('すでに締められています')
		});
		await expect(
			db.update(fiscalYearClose).set({ pack: '{}' }).where(eq(fiscalYearClose.fiscalYear, 2026))
		).rejects.toThrow();
		await expect(db.run(sql`delete from fiscal_year_close`)).rejects.toThrow();
		expect((await getClosedPack(db, 'org1', 2026))!.pack).toBe(stored.pack);
		const audit = await db.select().from(auditEvent).where(eq(auditEvent.action, 'fiscal_year.closed'));
		expect(JSON.parse(audit[0].after!)).toMatchObject({ fiscalYear: 2026, sha256: stored.sha256 });
	});

	it("the pack's labels are Japanese even when the 年度 is closed by someone reading in English", async () => {
		const db = await testDb();
		const base = {
			orgId: 'org1',
			moduleSlug: 'security-policy',
			mandatory: true,
			recurrence: 'every_fiscal_year' as const,
			periodKey: 'fy:2026',
			source: 'test',
			createdAt: NOW
		};
		await db.insert(assignment).values([
			{ id: 'a1', personId: 'p1', dueDate: '2027-03-31', ...base },
			{ id: 'a2', personId: 'p2', dueDate: '2027-03-31', ...base }
		]);
		await db.insert(target).values({
			id: 't1',
			orgId: 'org1',
			name: '修了率90%',
			metric: 'completion_rate',
			scopeKind: 'module',
			scopeValue: 'security-policy',
			fiscalYear: 2026,
			threshold: 90,
			createdAt: NOW
		});
		const original = getLocale;
		overwriteGetLocale(() => 'en');
		try {
			expect((await closeFiscalYear(db, actor, 2026, modules, null, NOW)).ok).toBe(true);
			// the refusal is for the reader, so it is in their language
			expect(await closeFiscalYear(db, actor, 2026, modules, null, NOW)).toEqual({
				ok: false,
				message: expect.stringContaining('is already closed. Download the finalised evidence instead.')
			});
		} finally {
			overwriteGetLocale(original);
		}
		const pack = JSON.parse((await getClosedPack(db, 'org1', 2026))!.pack);
		expect(pack.targets).toMatchObject([
			{ name: '修了率90%', metric: '修了率（対象者のうち合格した割合）', scope: '教材: 情報セキュリティ' }
		]);
		expect(pack.fiscalYearLabel).toBe('令和8年度（2026年度）');
		expect(pack.records.map((x: { status: string }) => x.status)).toEqual(['期限切れ', '期限切れ']);
	});
});
