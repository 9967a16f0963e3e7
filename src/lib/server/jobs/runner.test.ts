import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { job } from '../db/schema.ts';
import { testDb } from '../testing/db.ts';

import { createJobRunner, JobFailure, type JobHandler } from './runner.ts';

import { failedMessage } from '../../domain/job.ts';
import { getLocale, overwriteGetLocale } from '../../paraglide/runtime.js';
import * as m from '../../paraglide/messages.js';

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
});
