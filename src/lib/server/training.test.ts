import { describe, expect, it } from 'vitest';
import { trainingRecord } from './db/schema.ts';
import { testDb } from './testing/db.ts';
import { listRecentTraining, recordTraining } from './training.ts';

describe('recordTraining', () => {
	it('records by 職員番号 in the 年度 of its date, once per person, course and day', async () => {
		const db = await testDb();
		const actor = { id: 'p1', orgId: 'org1' };
		const r = {
			employeeNo: '000102',
			kind: 'certification' as const,
			title: 'ITパスポート試験 合格',
			category: 'デジタル技術',
			date: '2027-03-20'
		};
		expect(await recordTraining(db, actor, r, null)).toEqual({ ok: true, name: '佐藤 花子' });
		expect(await recordTraining(db, actor, r, null)).toMatchObject({ ok: false, field: 'title' });
		expect(await recordTraining(db, actor, { ...r, employeeNo: '102' }, null)).toMatchObject({
			ok: false,
			field: 'employeeNo'
		});
		expect(await recordTraining(db, { id: 'x', orgId: 'org2' }, r, null)).toMatchObject({
			ok: false,
			field: 'employeeNo'
		});
		const [row] = await db.select().from(trainingRecord);
		expect(row.fiscalYear).toBe(2026);
		expect((await listRecentTraining(db, 'org1')).map((t) => t.employeeNo)).toEqual(['000102']);
	});
});

describe('importTraining', () => {
	it('records every row or none, naming unknown 職員番号, and skips rows already recorded', async () => {
		const { importTraining } = await import('./training.ts');
		const db = await testDb();
		const actor = { id: 'p1', orgId: 'org1' };
		const row = (n: number, employeeNo: string) => ({
			row: n,
			employeeNo,
			kind: 'classroom' as const,
			title: 'BPR研修',
			category: '業務改革',
			date: '2026-06-01'
		});
		const bad = await importTraining(db, actor, [row(2, '000101'), row(3, '999999')], null);
		expect(bad).toEqual({
			ok: false,
			message: '1件のエラーがあるため、何も記録していません。',
			errors: [{ row: 3, column: '職員番号', message: expect.stringContaining('999999') }]
		});
		expect(await db.select().from(trainingRecord)).toHaveLength(0);
		expect(await importTraining(db, actor, [row(2, '000101'), row(3, '000102')], null)).toEqual({
			ok: true,
			added: 2,
			duplicates: 0
		});
		expect(await importTraining(db, actor, [row(2, '000101')], null)).toEqual({ ok: true, added: 0, duplicates: 1 });
	});
});
