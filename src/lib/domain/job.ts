/**
 * Long operations run as jobs: who may see one, how its status may change, and what the
 * progress page says about it (percent done, time left). No I/O here.
 */
import * as m from '../paraglide/messages.js';
import { canEnterSection, type Viewer } from './access.ts';

export const JOB_KINDS = ['staff_import', 'person_export', 'fiscal_year_close', 'assignment_refresh'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'interrupted'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

const NEXT: Record<JobStatus, readonly JobStatus[]> = {
	queued: ['running', 'failed', 'interrupted'],
	running: ['done', 'failed', 'interrupted'],
	done: [],
	failed: [],
	interrupted: []
};

/** A job moves forward only: queued → running → done | failed; either waiting state may be interrupted. */
export const canTransition = (from: JobStatus, to: JobStatus) => NEXT[from].includes(to);

/** Still waiting or working: the page keeps polling and a second start of the same kind shows this one. */
export const isActive = (status: JobStatus) => status === 'queued' || status === 'running';

/**
 * Jobs are started only from the HR and report sections (import, curricula, 年度締め, export):
 * anyone else has none, so the header's running-jobs count needs no query for them.
 */
export const mayStartJobs = (viewer: Pick<Viewer, 'grants'>) =>
	canEnterSection(viewer, 'hr') || canEnterSection(viewer, 'dashboard');

/**
 * Only the person who started a job sees it (its result may be a file of personal data chosen
 * within their own scope). Anybody else, HR and administrators included, gets a 404; the audit
 * log already tells them who imported, exported or closed what.
 */
export const canSeeJob = (viewer: { id: string; orgId: string }, job: { createdBy: string; orgId: string }) =>
	viewer.orgId === job.orgId && viewer.id === job.createdBy;

/** Whole percent done, or null when the total is not known yet (an indeterminate bar). */
export function progressPercent(done: number, total: number | null): number | null {
	if (total === null || total <= 0) return null;
	return Math.min(100, Math.max(0, Math.floor((done / total) * 100)));
}

/** Time left at the rate so far; null until there is enough to go on (a few seconds and some work done). */
export function remainingMs(p: {
	done: number;
	total: number | null;
	startedAt: Date | null;
	now: Date;
}): number | null {
	if (p.total === null || p.startedAt === null || p.done <= 0 || p.done >= p.total) return null;
	const elapsed = p.now.getTime() - p.startedAt.getTime();
	if (elapsed < 2000) return null;
	return Math.round((elapsed * (p.total - p.done)) / p.done);
}

/** Elapsed time from start to finish (or to now), 0 before it starts. */
export function elapsedMs(p: { startedAt: Date | null; finishedAt: Date | null; now: Date }): number {
	if (!p.startedAt) return 0;
	return Math.max(0, (p.finishedAt ?? p.now).getTime() - p.startedAt.getTime());
}

/** Minutes and seconds, rounded up to a whole second so "0秒" appears only before anything happened. */
export function splitDuration(ms: number): { minutes: number; seconds: number } {
	const s = Math.ceil(Math.max(0, ms) / 1000);
	return { minutes: Math.floor(s / 60), seconds: s % 60 };
}

/** Progress is written at most once per interval (the last write always goes through). */
export const PROGRESS_WRITE_INTERVAL_MS = 1000;
export const shouldWriteProgress = (lastWriteAt: number | null, now: number, intervalMs = PROGRESS_WRITE_INTERVAL_MS) =>
	lastWriteAt === null || now - lastWriteAt >= intervalMs;

/** Export files are kept for a day, then deleted (personal data should not linger on disk). */
export const OUTPUT_TTL_MS = 24 * 60 * 60 * 1000;
export const outputExpired = (finishedAt: Date | null, now: Date, ttlMs = OUTPUT_TTL_MS) =>
	finishedAt !== null && now.getTime() - finishedAt.getTime() >= ttlMs;

/** A file name that says nothing about its content: 24 lowercase base32 characters and .csv. */
export const OUTPUT_NAME = /^[a-z2-7]{24}\.csv$/;

type KindMessages = Record<JobKind, (inputs: object, options: { locale?: 'ja' | 'en' }) => string>;
/** One message per kind, in the given locale (else the current one). */
const perKind = (messages: KindMessages) => (kind: JobKind, locale?: 'ja' | 'en') =>
	messages[kind]({}, locale ? { locale } : {});

/** Stored with a job that the server's restart stopped; each says what became of the work and what to do. */
export const interruptedMessage = perKind({
	staff_import: m.job_interrupted_staff_import,
	person_export: m.job_interrupted_person_export,
	fiscal_year_close: m.job_interrupted_fiscal_year_close,
	assignment_refresh: m.job_interrupted_assignment_refresh
});

/** Stored when a job fails for a reason nobody foresaw; the details go to the server log. */
export const failedMessage = perKind({
	staff_import: m.job_failed_staff_import,
	person_export: m.job_failed_person_export,
	fiscal_year_close: m.job_failed_fiscal_year_close,
	assignment_refresh: m.job_failed_assignment_refresh
});
