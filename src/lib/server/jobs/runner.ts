import { mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { job } from '../db/schema.ts';
import { generateId } from '../auth/token.ts';
import { getLocale } from '../../paraglide/runtime.js';
import { inLocale } from '../locale.ts';
import { isAppLocale, type AppLocale } from '../../i18n/locales.ts';
import { yieldToEventLoop } from '../event-loop.ts';
import {
	failedMessage,
	interruptedMessage,
	OUTPUT_NAME,
	OUTPUT_TTL_MS,
	PROGRESS_WRITE_INTERVAL_MS,
	shouldWriteProgress,
	type JobKind
} from '../../domain/job.ts';

export type JobRow = typeof job.$inferSelect;

/** Thrown by a handler for a failure the user can act on: its message is shown as it is. */
export class JobFailure extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'JobFailure';
	}
}

export type JobContext = {
	db: Db;
	job: JobRow;
	/**
	 * Reports progress and yields to the event loop so that other requests keep flowing; the
	 * row is written at most once a second (and always when the phase changes).
	 */
	progress(p: { done?: number; total?: number | null; phase?: string }): Promise<void>;
	/** Records part of the result before the end (e.g. the import id once the import committed). */
	note(result: Record<string, unknown>): Promise<void>;
	/** A fresh random file path in the output directory for this job's file. */
	outputPath(): { name: string; path: string };
};

export type JobHandler = (ctx: JobContext) => Promise<{ result: Record<string, unknown>; outputFile?: string }>;

type Options = {
	db: Db;
	handlers: Partial<Record<JobKind, JobHandler>>;
	outputDir: string;
	log?: (message: string, error?: unknown) => void;
	progressIntervalMs?: number;
};

/**
 * The in-process job runner: one job at a time (heavy work takes the single SQLite writer in
 * short turns, never two at once), in the order submitted. The queue lives in memory; at start
 * `recover()` marks what a previous process left queued or running as interrupted.
 */
export function createJobRunner(opts: Options) {
	const { db, outputDir } = opts;
	const log = opts.log ?? ((message: string, error?: unknown) => console.error(`[manabi] ${message}`, error ?? ''));
	const interval = opts.progressIntervalMs ?? PROGRESS_WRITE_INTERVAL_MS;
	const queue: string[] = [];
	let running: Promise<void> | null = null;

	/** The language of the person who started the job: what it stores is for them to read. */
	const localeOf = (row: { params: Record<string, unknown> }): AppLocale => {
		const l = row.params.locale;
		return isAppLocale(l) ? l : 'ja';
	};

	async function runOne(id: string) {
		const [row] = await db.select().from(job).where(eq(job.id, id));
		if (!row || row.status !== 'queued') return;
		return inLocale(localeOf(row), () => runRow(row));
	}

	async function runRow(row: JobRow) {
		const id = row.id;
		const handler = opts.handlers[row.kind];
		const startedAt = new Date();
		await db
			.update(job)
			.set({ status: 'running', startedAt })
			.where(and(eq(job.id, id), eq(job.status, 'queued')));
		let lastWrite: number | null = null;
		let state = { done: row.progressDone, total: row.progressTotal, phase: row.phase };
		let noted: Record<string, unknown> = {};
		const files: string[] = [];
		const ctx: JobContext = {
			db,
			job: { ...row, status: 'running', startedAt },
			async progress(p) {
				const phaseChanged = p.phase !== undefined && p.phase !== state.phase;
				state = {
					done: p.done ?? state.done,
					total: p.total !== undefined ? p.total : state.total,
					phase: p.phase ?? state.phase
				};
				const now = Date.now();
				if (phaseChanged || shouldWriteProgress(lastWrite, now, interval)) {
					lastWrite = now;
					await db
						.update(job)
						.set({ progressDone: state.done, progressTotal: state.total, phase: state.phase })
						.where(eq(job.id, id));
				}
				await yieldToEventLoop();
			},
			async note(result) {
				noted = { ...noted, ...result };
				await db.update(job).set({ result: noted }).where(eq(job.id, id));
			},
			outputPath() {
				mkdirSync(outputDir, { recursive: true });
				const name = `${generateId()}.csv`;
				const path = join(outputDir, name);
				files.push(path);
				return { name, path };
			}
		};
		try {
			if (!handler) throw new Error(`no handler for job kind ${row.kind}`);
			const out = await handler(ctx);
			await db
				.update(job)
				.set({
					status: 'done',
					progressDone: state.total ?? state.done,
					progressTotal: state.total,
					phase: state.phase,
					result: { ...noted, ...out.result },
					outputFile: out.outputFile ?? null,
					finishedAt: new Date()
				})
				.where(eq(job.id, id));
		} catch (e) {
			const foreseen = e instanceof JobFailure;
			if (!foreseen) log(`job ${id} (${row.kind}) failed:`, e);
			for (const f of files) removeQuietly(f);
			await db
				.update(job)
				.set({
					status: 'failed',
					error: foreseen ? e.message : failedMessage(row.kind),
					result: Object.keys(noted).length ? noted : null,
					finishedAt: new Date()
				})
				.where(eq(job.id, id))
				.catch((e2) => log(`job ${id}: could not record the failure`, e2));
		}
	}

	async function drain() {
		while (queue.length) await runOne(queue.shift()!).catch((e) => log('job runner:', e));
	}

	function pump() {
		if (!running && queue.length)
			running = drain().finally(() => {
				running = null;
				pump(); // anything queued while the last job was finishing
			});
		return running;
	}

	return {
		/**
		 * Queues a job, or answers the one of the same kind this person already has waiting or
		 * running (a second click, or a second tab, never starts the work twice).
		 */
		async submit(p: {
			orgId: string;
			createdBy: string;
			kind: JobKind;
			params: Record<string, unknown>;
			reuse?: ('queued' | 'running')[];
		}): Promise<{ id: string; existing: boolean }> {
			const [active] = await db
				.select({ id: job.id })
				.from(job)
				.where(
					and(
						eq(job.orgId, p.orgId),
						eq(job.createdBy, p.createdBy),
						eq(job.kind, p.kind),
						inArray(job.status, p.reuse ?? ['queued', 'running'])
					)
				);
			if (active) return { id: active.id, existing: true };
			const id = generateId();
			const locale = getLocale();
			await db.insert(job).values({
				id,
				orgId: p.orgId,
				createdBy: p.createdBy,
				kind: p.kind,
				status: 'queued',
				params: { ...p.params, locale: isAppLocale(locale) ? locale : 'ja' },
				createdAt: new Date()
			});
			queue.push(id);
			void pump();
			return { id, existing: false };
		},

		/** At start: whatever a stopped process left queued or running is marked interrupted. */
		async recover(now = new Date()) {
			const left = await db
				.select({ id: job.id, kind: job.kind, outputFile: job.outputFile, params: job.params })
				.from(job)
				.where(inArray(job.status, ['queued', 'running']));
			for (const j of left) {
				await db
					.update(job)
					.set({ status: 'interrupted', error: interruptedMessage(j.kind, localeOf(j)), finishedAt: now })
					.where(eq(job.id, j.id));
			}
			return left.length;
		},

		/** Deletes export files older than a day (and any file no job finished with). */
		async cleanUp(now = new Date()) {
			const cutoff = new Date(now.getTime() - OUTPUT_TTL_MS);
			const expired = await db
				.select({ id: job.id, outputFile: job.outputFile })
				.from(job)
				.where(and(isNotNull(job.outputFile), lt(job.finishedAt, cutoff)));
			for (const j of expired) {
				if (j.outputFile && OUTPUT_NAME.test(j.outputFile)) removeQuietly(join(outputDir, j.outputFile));
				await db.update(job).set({ outputFile: null }).where(eq(job.id, j.id));
			}
			let names: string[];
			try {
				names = readdirSync(outputDir);
			} catch {
				return expired.length;
			}
			for (const name of names) {
				const path = join(outputDir, name);
				if (OUTPUT_NAME.test(name) && statSync(path).mtimeMs < cutoff.getTime()) removeQuietly(path);
			}
			return expired.length;
		},

		/** Resolves when the queue is empty (tests, and a graceful stop). */
		idle: () => running ?? Promise.resolve(),

		filePath: (name: string) => (OUTPUT_NAME.test(name) ? join(outputDir, name) : null)
	};
}

export type JobRunner = ReturnType<typeof createJobRunner>;

function removeQuietly(path: string) {
	try {
		unlinkSync(path);
	} catch {
		// already gone
	}
}
