/**
 * Issue #8, "lock contention": another process holds the write lock (BEGIN IMMEDIATE) for 2.5 s,
 * five times the server's busy timeout (DB_BUSY_TIMEOUT_MS=500), while 24 learners submit, half
 * as a plain form post and half as JavaScript's use:enhance does. The submits that met the lock
 * must fail clearly (503, Retry-After, the Japanese message) and write nothing; the rest, and
 * everything after the lock is gone, must be acknowledged and still there after a restart.
 * That also covers the silent-loss trap of data-safety.md §1: after one SQLITE_BUSY an
 * @libsql/client connection acknowledges writes it never commits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../../bench/lib/http.ts';
import {
	attemptIdOf,
	inspect,
	summary,
	openQuizzes,
	postSubmit,
	report,
	seedOrganisation,
	signInStaff,
	startServer,
	stopServers,
	workFolder,
	type OpenQuiz,
	type SubmitReply
} from './harness.ts';

const BUSY_MESSAGE =
	'データベースが混み合っていたため、保存できませんでした。少し待ってから、もう一度操作してください。';
const TIMEOUT_MS = 500;
const HOLD_MS = 2500;
const DURING = 24;
const AFTER = 16;
const env = { DB_BUSY_TIMEOUT_MS: String(TIMEOUT_MS) };

let file: string;
let server: Server;
let open: OpenQuiz[];
let holder: ChildProcess | null = null;

beforeAll(async () => {
	file = await seedOrganisation(workFolder('lock'), 300);
	server = await startServer(file, env);
	open = await openQuizzes(server.base, await signInStaff(server.base, 101, DURING + AFTER));
});
afterAll(async () => {
	holder?.kill('SIGKILL');
	await stopServers();
});

/** tests/reliability/hold-lock.mjs in its own process; resolves once it holds the lock. */
function holdWriteLock(ms: number) {
	const child = spawn(process.execPath, ['tests/reliability/hold-lock.mjs', file, String(ms)], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	holder = child;
	const released = new Promise<void>((resolve, reject) =>
		child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited with ${code}`))))
	);
	const locked = new Promise<void>((resolve) =>
		child.stdout!.on('data', (b: Buffer) => b.toString().includes('locked') && resolve())
	);
	return Promise.race([locked, released]).then(() => ({ released }));
}

/** The message a user sees: in the error page (form post) or in the JSON result (use:enhance). */
const messageOf = (r: SubmitReply, enhanced: boolean) =>
	enhanced
		? (JSON.parse(r.body) as { error?: { message?: string } }).error?.message
		: r.body.includes(BUSY_MESSAGE)
			? BUSY_MESSAGE
			: r.body.slice(0, 200);

describe('another process holds the write lock', () => {
	it('refuses the blocked submits with 503 and loses nothing acknowledged, before or after', async () => {
		const { released } = await holdWriteLock(HOLD_MS);
		const during = await Promise.all(
			open.slice(0, DURING).map(async (q, k) => {
				await new Promise((r) => setTimeout(r, k * 40));
				const enhanced = k % 2 === 1;
				const t = performance.now();
				// the bound only turns a hang into a failure
				const reply = await postSubmit(server.base, q, { enhanced, signal: AbortSignal.timeout(30_000) });
				return { q, enhanced, reply, retryAfter: reply.headers.get('retry-after'), ms: performance.now() - t };
			})
		);
		await released;

		const refused = during.filter((d) => !d.reply.acknowledged);
		const ackedDuring = during.filter((d) => d.reply.acknowledged);
		expect(refused.length).toBeGreaterThan(0);
		expect(
			refused.map((d) => ({
				status: d.reply.status,
				retryAfter: d.retryAfter,
				message: messageOf(d.reply, d.enhanced)
			}))
		).toEqual(refused.map(() => ({ status: 503, retryAfter: '5', message: BUSY_MESSAGE })));
		// a refused submit wrote nothing, not even part of its result
		const mid = await inspect(
			file,
			refused.map((d) => attemptIdOf(d.q))
		);
		expect(mid.stored.size).toBe(0);
		expect(mid.halfWritten).toEqual([]);
		expect(mid.orphanItems).toBe(0);

		// once the lock is gone: sending a refused submit again works, and so do new ones
		const retried = await Promise.all(refused.map((d) => postSubmit(server.base, d.q)));
		const after = await Promise.all(open.slice(DURING).map((q) => postSubmit(server.base, q)));
		expect([...retried, ...after].filter((r) => !r.acknowledged).map(summary)).toEqual([]);

		// everything acknowledged is in the file the restarted server opened
		await server.stop();
		server = await startServer(file, env);
		const acked = [...ackedDuring.map((d) => d.reply), ...retried, ...after]
			.filter((r) => r.acknowledged)
			.map((r) => attemptIdOf({ location: r.location! }));
		const found = await inspect(file, acked);
		report('lock-contention', {
			busyTimeoutMs: TIMEOUT_MS,
			lockHeldMs: HOLD_MS,
			submitsWhileLocked: DURING,
			statusesWhileLocked: Object.fromEntries(
				[...new Set(during.map((d) => d.reply.status))].map((s) => [
					s,
					during.filter((d) => d.reply.status === s).length
				])
			),
			refused503: refused.length,
			ackedWhileLocked: ackedDuring.length,
			slowestWhileLockedMs: Math.round(Math.max(...during.map((d) => d.ms))),
			retriedAfterRelease: retried.length,
			submitsAfterRelease: after.length,
			requests: DURING + retried.length + after.length,
			acknowledged: acked.length,
			storedAfterRestart: found.stored.size,
			lost: acked.length - found.stored.size
		});
		expect(found.integrity).toBe('ok');
		expect(acked.filter((id) => !found.stored.has(id))).toEqual([]);
		expect(found.halfWritten).toEqual([]);
	});
});
