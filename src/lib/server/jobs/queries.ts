import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { job } from '../db/schema.ts';
import { canSeeJob, elapsedMs, isActive, outputExpired, progressPercent, remainingMs } from '../../domain/job.ts';
import type { JobRow } from './runner.ts';

/** What the progress page and its JSON endpoint show; never the params (they may hold a scope or an address). */
export function jobView(row: JobRow, now = new Date()) {
	const total = row.progressTotal;
	return {
		id: row.id,
		kind: row.kind,
		status: row.status,
		active: isActive(row.status),
		phase: row.phase,
		done: row.progressDone,
		total,
		percent: row.status === 'done' ? 100 : progressPercent(row.progressDone, total),
		elapsedMs: elapsedMs({ startedAt: row.startedAt, finishedAt: row.finishedAt, now }),
		remainingMs:
			row.status === 'running' ? remainingMs({ done: row.progressDone, total, startedAt: row.startedAt, now }) : null,
		error: row.error,
		result: row.result ?? null,
		/** Where an assignment review leads back to: the curricula list after a save, else the units page. */
		after: row.params.after === 'curricula' ? ('curricula' as const) : ('units' as const),
		hasFile: !!row.outputFile && !outputExpired(row.finishedAt, now),
		fileGone:
			row.status === 'done' && row.kind === 'person_export' && (!row.outputFile || outputExpired(row.finishedAt, now)),
		createdAt: row.createdAt.getTime(),
		finishedAt: row.finishedAt?.getTime() ?? null
	};
}

export type JobView = ReturnType<typeof jobView>;

/** The job if this viewer may see it (its creator), else null: the caller answers 404. */
export async function getVisibleJob(db: Db, viewer: { id: string; orgId: string }, id: string): Promise<JobRow | null> {
	const [row] = await db.select().from(job).where(eq(job.id, id));
	return row && canSeeJob(viewer, row) ? row : null;
}

/** The viewer's recent jobs, newest first. */
export async function listMyJobs(db: Db, viewer: { id: string; orgId: string }, limit = 30) {
	const rows = await db
		.select()
		.from(job)
		.where(and(eq(job.orgId, viewer.orgId), eq(job.createdBy, viewer.id)))
		.orderBy(desc(job.createdAt))
		.limit(limit);
	const now = new Date();
	return rows.map((r) => jobView(r, now));
}

/** How many of the viewer's jobs are still waiting or working (the header's link). */
export async function countActiveJobs(db: Db, viewer: { id: string; orgId: string }) {
	const rows = await db
		.select({ id: job.id })
		.from(job)
		.where(and(eq(job.orgId, viewer.orgId), eq(job.createdBy, viewer.id), inArray(job.status, ['queued', 'running'])));
	return rows.length;
}
