import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { job, person, staffImport } from '../db/schema.ts';
import { testDb } from '../testing/db.ts';
import { previewImport } from '../import/service.ts';
import { createJobRunner, JobFailure, type JobHandler } from './runner.ts';
import { jobHandlers } from './handlers.ts';
import { failedMessage, interruptedMessage } from '../../domain/job.ts';
import { getLocale, overwriteGetLocale } from '../../paraglide/runtime.js';
import * as m from '../../paraglide/messages.js';

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

/** A handler that waits for the test at each step. */
function stepper() {
	const gates: (() => void)[] = [];
	const waitGate = () => new Promise<void>((r) => gates.push(r));
	const handler: JobHandler = async (ctx) => {
		await ctx.progress({ phase: 'export', done: 0, total: 3 });
		for (let i = 1; i <= 3; i++) {
			await waitGate();
			await ctx.progress({ done: i });
		}
		return { result: { rows: 3 } };
	};
	const release = async () => {
		while (!gates.length) await new Promise((r) => setTimeout(r, 5));
		gates.shift()!();
	};
	return { handler, release };
}

describe('the job runner', () => {
	it('runs a job to done, writing progress while it works, and shows the running job to a second start', async () => {
		const { handler, release } = stepper();
		const runner = createJobRunner({
			db,
			outputDir: dir,
			handlers: { person_export: handler },
			log,
			progressIntervalMs: 0
		});
		const { id } = await runner.submit({ orgId: 'org1', createdBy: 'p1', kind: 'person_export', params: {} });
		await release();
		await new Promise((r) => setTimeout(r, 20));
		const mid = await rowOf(id);
		expect(mid).toMatchObject({ status: 'running', phase: 'export', progressDone: 1, progressTotal: 3 });
		expect(mid.startedAt).toBeInstanceOf(Date);

		// the same person starting the same kind again gets the running job, not a second one
		expect(await runner.submit({ orgId: 'org1', createdBy: 'p1', kind: 'person_export', params: {} })).toEqual({
			id,
			existing: true
		});
		// somebody else gets their own
		expect((await runner.submit({ orgId: 'org1', createdBy: 'p2', kind: 'person_export', params: {} })).existing).toBe(
			false
		);

		for (let i = 0; i < 5; i++) await release(); // two more steps of this job, three of p2's
		await runner.idle();
		const end = await rowOf(id);
		expect(end).toMatchObject({ status: 'done', progressDone: 3, progressTotal: 3, result: { rows: 3 }, error: null });
		expect(end.finishedAt!.getTime()).toBeGreaterThanOrEqual(end.startedAt!.getTime());
	});

	it('writes progress at most once per interval', async () => {
		const writes: number[] = [];
		const handler: JobHandler = async (ctx) => {
			for (let i = 1; i <= 200; i++) {
				await ctx.progress({ done: i, total: 200 });
				if (i % 50 === 0) writes.push((await rowOf(ctx.job.id)).progressDone);
			}
			return { result: {} };
		};
		const runner = createJobRunner({
			db,
			outputDir: dir,
			handlers: { person_export: handler },
			log,
			progressIntervalMs: 60_000
		});
		const { id } = await runner.submit({ orgId: 'org1', createdBy: 'p1', kind: 'person_export', params: {} });
		await runner.idle();
		// only the first report was written during the run; the last value lands when it is done
		expect(writes).toEqual([1, 1, 1, 1]);
		expect((await rowOf(id)).progressDone).toBe(200);
	});

	it('a change saved while a review is running queues another review (the running one may have read the old rules); a queued one is reused', async () => {
		const { handler, release } = stepper();
		const runner = createJobRunner({
			db,
			outputDir: dir,
			handlers: { assignment_refresh: handler },
			log,
			progressIntervalMs: 0
		});
		const first = await runner.submit({
			orgId: 'org1',
			createdBy: 'p1',
			kind: 'assignment_refresh',
			params: {},
			reuse: ['queued']
		});
		await release();
		await new Promise((r) => setTimeout(r, 20));
		expect((await rowOf(first.id)).status).toBe('running');
		const second = await runner.submit({
			orgId: 'org1',
			createdBy: 'p1',
			kind: 'assignment_refresh',
			params: {},
			reuse: ['queued']
		});
		expect(second.existing).toBe(false);
		expect(
			await runner.submit({ orgId: 'org1', createdBy: 'p1', kind: 'assignment_refresh', params: {}, reuse: ['queued'] })
		).toEqual({ id: second.id, existing: true });
		for (let i = 0; i < 5; i++) await release();
		await runner.idle();
		expect((await rowOf(second.id)).status).toBe('done');
	});

	it('a job speaks the language of the person who started it, not of the request that happened to run the queue', async () => {
		const handler: JobHandler = async () => {
			throw new JobFailure(m.job_err_file_not_found());
		};
		const runner = createJobRunner({
			db,
			outputDir: dir,
			handlers: {
				person_export: handler,
				staff_import: async () => {
					throw new Error('boom');
				}
			},
			log
		});
		const original = getLocale;
		overwriteGetLocale(() => 'en');
		let english: string;
		try {
			({ id: english } = await runner.submit({ orgId: 'org1', createdBy: 'p1', kind: 'person_export', params: {} }));
		} finally {
			overwriteGetLocale(original);
		}
		const { id: japanese } = await runner.submit({ orgId: 'org1', createdBy: 'p2', kind: 'staff_import', params: {} });
		await runner.idle();
		expect(await rowOf(english)).toMatchObject({ status: 'failed', error: 'The file was not found.' });
		expect(await rowOf(japanese)).toMatchObject({ status: 'failed', error: failedMessage('staff_import', 'ja') });
	});

	it('a job that throws ends failed with a message saying what to do; its writes and file are gone, the stack is logged', async () => {
		let file = '';
		const handler: JobHandler = async (ctx) => {
			const out = ctx.outputPath();
			file = out.path;
			writeFileSync(out.path, 'half a file');
			await ctx.db.transaction(async (tx) => {
				await tx.insert(person).values({
					id: 'p9',
					orgId: 'org1',
					employeeNo: '000999',
					name: '途中 書込',
					kana: 'トチュウ カキコミ',
					employmentType: 'regular',
					jobGrade: '主事',
					hireDate: '2020-04-01'
				});
				throw new Error('disk on fire');
			});
			return { result: {} };
		};
		const runner = createJobRunner({ db, outputDir: dir, handlers: { person_export: handler }, log });
		const { id } = await runner.submit({ orgId: 'org1', createdBy: 'p1', kind: 'person_export', params: {} });
		await runner.idle();
		expect(await rowOf(id)).toMatchObject({
			status: 'failed',
			error: failedMessage('person_export'),
			outputFile: null
		});
		expect(await db.select().from(person).where(eq(person.id, 'p9'))).toEqual([]);
		expect(existsSync(file)).toBe(false);
		expect(logged.join('\n')).toMatch(/disk on fire[\s\S]*runner\.test\.ts/);
	});

	it('a failure the user can act on keeps its own message, and the next job still runs', async () => {
		const runner = createJobRunner({
			db,
			outputDir: dir,
			log,
			handlers: {
				staff_import: async () => {
					throw new JobFailure('ファイルを直してください。');
				},
				person_export: async () => ({ result: { ok: true } })
			}
		});
		const a = await runner.submit({ orgId: 'org1', createdBy: 'p1', kind: 'staff_import', params: {} });
		const b = await runner.submit({ orgId: 'org1', createdBy: 'p1', kind: 'person_export', params: {} });
		await runner.idle();
		expect(await rowOf(a.id)).toMatchObject({ status: 'failed', error: 'ファイルを直してください。' });
		expect(await rowOf(b.id)).toMatchObject({ status: 'done' });
		expect(logged).toEqual([]);
	});

	it('at start-up, jobs a stopped process left queued or running are marked interrupted with what to do', async () => {
		const base = { orgId: 'org1', createdBy: 'p1', params: {}, createdAt: new Date() };
		await db.insert(job).values([
			{ id: 'j1', kind: 'staff_import', status: 'running', startedAt: new Date(), ...base },
			{ id: 'j2', kind: 'person_export', status: 'queued', ...base },
			{ id: 'j3', kind: 'fiscal_year_close', status: 'done', ...base }
		]);
		const runner = createJobRunner({ db, outputDir: dir, handlers: {}, log });
		expect(await runner.recover()).toBe(2);
		expect(await rowOf('j1')).toMatchObject({ status: 'interrupted', error: interruptedMessage('staff_import') });
		expect(await rowOf('j2')).toMatchObject({ status: 'interrupted', error: interruptedMessage('person_export') });
		expect((await rowOf('j1')).finishedAt).toBeInstanceOf(Date);
		expect(await rowOf('j3')).toMatchObject({ status: 'done', error: null });
	});

	it('deletes export files a day after their job finished', async () => {
		const runner = createJobRunner({ db, outputDir: dir, handlers: {}, log });
		const old = 'aaaaaaaaaaaaaaaaaaaaaaaa.csv';
		const fresh = 'bbbbbbbbbbbbbbbbbbbbbbbb.csv';
		for (const f of [old, fresh]) writeFileSync(join(dir, f), 'x');
		const now = new Date();
		const base = {
			orgId: 'org1',
			createdBy: 'p1',
			kind: 'person_export' as const,
			status: 'done' as const,
			params: {},
			createdAt: now
		};
		await db.insert(job).values([
			{ id: 'old', outputFile: old, finishedAt: new Date(now.getTime() - 25 * 3600_000), ...base },
			{ id: 'new', outputFile: fresh, finishedAt: now, ...base }
		]);
		// an orphan (a process stopped while writing it) older than a day goes too
		const orphan = 'cccccccccccccccccccccccc.csv';
		writeFileSync(join(dir, orphan), 'x');
		utimesSync(join(dir, orphan), new Date(now.getTime() - 25 * 3600_000), new Date(now.getTime() - 25 * 3600_000));
		await runner.cleanUp(now);
		expect([existsSync(join(dir, old)), existsSync(join(dir, fresh)), existsSync(join(dir, orphan))]).toEqual([
			false,
			true,
			false
		]);
		expect((await rowOf('old')).outputFile).toBeNull();
		expect((await rowOf('new')).outputFile).toBe(fresh);
	});
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
