import { existsSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { job, person } from '../db/schema.ts';
import { testDb } from '../testing/db.ts';

import { createJobRunner, JobFailure, type JobHandler } from './runner.ts';

import { failedMessage, interruptedMessage } from '../../domain/job.ts';

let db: Db;
let dir: string;
const logged: string[] = [];
const log = (message: string, e?: unknown) => logged.push(`${message} ${(e as Error)?.stack ?? ''}`);
const rowOf = async (id: string) => (await db.select().from(job).where(eq(job.id, id)))[0];

beforeEach(async () => {
	db = await testDb();
	dir = mkdtempSync(join(tmpdir(), 'manabi-jobs-'));
	logged.length = 0;
});

describe('the job runner when a job fails, the process stops, or files grow old', () => {
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
		expect(logged.join('\n')).toMatch(/disk on fire[\s\S]*runner-failures\.test\.ts/);
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
