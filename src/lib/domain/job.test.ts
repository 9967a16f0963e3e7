import { describe, expect, it } from 'vitest';
import {
	canSeeJob,
	canTransition,
	elapsedMs,
	isActive,
	outputExpired,
	progressPercent,
	remainingMs,
	shouldWriteProgress,
	splitDuration,
	interruptedMessage,
	failedMessage,
	JOB_KINDS,
	mayStartJobs
} from './job.ts';

const at = (s: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, s));

describe('job status', () => {
	it('moves forward only; a finished job never changes again', () => {
		expect(canTransition('queued', 'running')).toBe(true);
		expect(canTransition('running', 'done')).toBe(true);
		expect(canTransition('running', 'failed')).toBe(true);
		expect(canTransition('queued', 'interrupted')).toBe(true);
		expect(canTransition('running', 'interrupted')).toBe(true);
		expect(canTransition('queued', 'done')).toBe(false);
		expect(canTransition('running', 'queued')).toBe(false);
		for (const end of ['done', 'failed', 'interrupted'] as const)
			for (const to of ['queued', 'running', 'done', 'failed', 'interrupted'] as const)
				expect(canTransition(end, to)).toBe(false);
	});

	it('is active while queued or running', () => {
		expect([
			isActive('queued'),
			isActive('running'),
			isActive('done'),
			isActive('failed'),
			isActive('interrupted')
		]).toEqual([true, true, false, false, false]);
	});
});

describe('who sees a job', () => {
	const job = { createdBy: 'p1', orgId: 'o1' };
	it('its creator only: not HR, not the administrator, not another organisation', () => {
		expect(canSeeJob({ id: 'p1', orgId: 'o1' }, job)).toBe(true);
		expect(canSeeJob({ id: 'p2', orgId: 'o1' }, job)).toBe(false);
		expect(canSeeJob({ id: 'p1', orgId: 'o2' }, job)).toBe(false);
	});
	it('only those who can enter HR or the reports can start one; an employee without a role has none to count', () => {
		const as = (...roles: ('hr' | 'admin' | 'manager' | 'executive' | 'security_officer')[]) => ({
			grants: roles.map((role) => ({ role, unitId: null, unitPath: null }))
		});
		expect(mayStartJobs(as())).toBe(false);
		expect(mayStartJobs(as('manager'))).toBe(true); // a 課長 exports their own 課 from the reports
		expect(mayStartJobs(as('hr'))).toBe(true);
		expect(mayStartJobs(as('executive'))).toBe(true);
		expect(mayStartJobs(as('manager', 'hr'))).toBe(true);
	});
});

describe('progress', () => {
	it('percent is floored and capped, unknown without a total', () => {
		expect(progressPercent(1, 3)).toBe(33);
		expect(progressPercent(3, 3)).toBe(100);
		expect(progressPercent(5, 3)).toBe(100);
		expect(progressPercent(10, null)).toBeNull();
		expect(progressPercent(0, 0)).toBeNull();
	});

	it('estimates the time left from the rate so far, once there is enough to go on', () => {
		expect(remainingMs({ done: 250, total: 1000, startedAt: at(0), now: at(10) })).toBe(30_000);
		expect(remainingMs({ done: 250, total: 1000, startedAt: at(0), now: at(1) })).toBeNull();
		expect(remainingMs({ done: 0, total: 1000, startedAt: at(0), now: at(10) })).toBeNull();
		expect(remainingMs({ done: 10, total: null, startedAt: at(0), now: at(10) })).toBeNull();
		expect(remainingMs({ done: 1000, total: 1000, startedAt: at(0), now: at(10) })).toBeNull();
	});

	it('elapsed runs to the finish time, or to now while running', () => {
		expect(elapsedMs({ startedAt: null, finishedAt: null, now: at(5) })).toBe(0);
		expect(elapsedMs({ startedAt: at(0), finishedAt: null, now: at(5) })).toBe(5000);
		expect(elapsedMs({ startedAt: at(0), finishedAt: at(3), now: at(50) })).toBe(3000);
		expect(splitDuration(125_000)).toEqual({ minutes: 2, seconds: 5 });
		expect(splitDuration(1)).toEqual({ minutes: 0, seconds: 1 });
	});

	it('is written at most once a second', () => {
		expect(shouldWriteProgress(null, 5000)).toBe(true);
		expect(shouldWriteProgress(5000, 5999)).toBe(false);
		expect(shouldWriteProgress(5000, 6000)).toBe(true);
	});
});

describe('output files', () => {
	it('expire a day after the job finished', () => {
		const done = new Date('2026-11-22T10:00:00Z');
		expect(outputExpired(done, new Date('2026-11-23T09:59:59Z'))).toBe(false);
		expect(outputExpired(done, new Date('2026-11-23T10:00:00Z'))).toBe(true);
		expect(outputExpired(null, new Date('2026-11-23T10:00:00Z'))).toBe(false);
	});
});

describe('messages', () => {
	it('every kind says what to do after an interruption and a failure', () => {
		for (const k of JOB_KINDS) {
			expect(interruptedMessage(k)).toMatch(/ください。|操作は要りません。/);
			expect(failedMessage(k)).toMatch(/ください。/);
			expect(interruptedMessage(k, 'en')).toMatch(/^The server restarted/);
			expect(failedMessage(k, 'en')).toMatch(/^An error occurred/);
		}
	});
});
