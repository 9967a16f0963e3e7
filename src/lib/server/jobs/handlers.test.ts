import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { job, person, staffImport } from '../db/schema.ts';
import { testDb } from '../testing/db.ts';
import { previewImport } from '../import/service.ts';
import { createJobRunner } from './runner.ts';
import { jobHandlers } from './handlers.ts';

let db: Db;
let dir: string;
const logged: string[] = [];
const log = (message: string, e?: unknown) => logged.push(`${message} ${(e as Error)?.stack ?? ''}`);
const real = () => jobHandlers({ versions: () => new Map(), modules: () => [] });
const rowOf = async (id: string) => (await db.select().from(job).where(eq(job.id, id)))[0];

beforeEach(async () => {
	db = await testDb();
	dir = mkdtempSync(join(tmpdir(), 'manabi-jobs-'));
	logged.length = 0;
});

describe('the jobs', () => {
	const csv =
		'職員番号,氏名,フリガナ,所属コード,職階,雇用区分,採用日,タグ,異動日\n000101,山田 太郎,ヤマダ タロウ,100,主事,正規職員,2020/4/1,,\n000102,佐藤 花子,サトウ ハナコ,100,主事,正規職員,2020/4/1,,\n000201,新人 一郎,シンジン イチロウ,100,主事補,正規職員,2026/4/1,,\n';
	const params = (draftId: string) => ({
		draftId,
		skipErrorRows: false,
		confirmDeactivation: false,
		employeeNo: '000101',
		ip: null
	});

	it('the staff import applies the previewed draft and records the import it made', async () => {
		const preview = await previewImport(
			db,
			{ id: 'p1', orgId: 'org1', employeeNo: '000101' },
			new File([csv], 'meibo.csv')
		);
		if (!preview.ok) throw new Error(preview.message);
		const runner = createJobRunner({ db, outputDir: dir, handlers: real(), log });
		const { id } = await runner.submit({
			orgId: 'org1',
			createdBy: 'p1',
			kind: 'staff_import',
			params: params(preview.preview.draftId)
		});
		await runner.idle();
		const row = await rowOf(id);
		expect(row.status).toBe('done');
		const [imported] = await db.select().from(staffImport);
		expect(row.result).toEqual({ importId: imported.id, assignmentsCreated: 0 });
		expect((await db.select().from(person).where(eq(person.employeeNo, '000201'))).length).toBe(1);
	});

	it('a staff import whose draft is gone fails with the reason and changes nothing', async () => {
		const runner = createJobRunner({ db, outputDir: dir, handlers: real(), log });
		const { id } = await runner.submit({
			orgId: 'org1',
			createdBy: 'p1',
			kind: 'staff_import',
			params: params('nosuchdraft')
		});
		await runner.idle();
		expect(await rowOf(id)).toMatchObject({
			status: 'failed',
			error: expect.stringContaining('ファイルをもう一度選んでください')
		});
		expect(await db.select().from(staffImport)).toEqual([]);
		expect((await db.select().from(person)).length).toBe(2);
	});

	it('the 個人別 export writes its CSV to a randomly named file in the output directory', async () => {
		const runner = createJobRunner({ db, outputDir: dir, handlers: real(), log });
		const { id } = await runner.submit({
			orgId: 'org1',
			createdBy: 'p1',
			kind: 'person_export',
			params: {
				fiscalYear: 2026,
				encoding: 'utf-8',
				moduleSlug: null,
				scopePaths: null,
				fileName: '個人別受講状況_2026.csv'
			}
		});
		await runner.idle();
		const row = await rowOf(id);
		expect(row).toMatchObject({
			status: 'done',
			result: { rows: 0, fileName: '個人別受講状況_2026.csv', encoding: 'utf-8' }
		});
		expect(row.outputFile).toMatch(/^[a-z2-7]{24}\.csv$/);
		const text = readFileSync(join(dir, row.outputFile!), 'utf8');
		expect(text.startsWith('\ufeff年度,職員番号,氏名')).toBe(true);
	});
});
