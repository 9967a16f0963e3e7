/** The exam-day scenario and the start-up probe: what staff feel at the busiest moments. */
import { createClient } from '@libsql/client';
import { runMany, signIn, takeQuiz, type Server, type Step } from './http.ts';
import { percentiles } from './stats.ts';
import { sampleRss } from './load.ts';
import { BENCH_PASSWORD } from './seed.ts';

/**
 * `users` distinct staff (employee numbers from `first` + 1) arrive evenly over `windowS` seconds;
 * each signs in, opens the security quiz and submits it. Afterwards every acknowledged attempt
 * is looked up in the database file (a reader beside the server's one writer; WAL allows it).
 */
export async function examDay(server: Server, file: string, users: number, first: number, windowS: number) {
	const steps: Record<string, Step[]> = {};
	const record = (name: string, s: Step) => (steps[name] ??= []).push(s);
	const acked: string[] = [];
	let failures = 0;
	const reasons = new Set<string>();
	const stopRss = sampleRss(server.pid);
	const wallMs = await runMany(
		users,
		500,
		async (i) => {
			try {
				const t = performance.now();
				const cookie = await signIn(server.base, String(first + i + 1).padStart(6, '0'), BENCH_PASSWORD).catch(
					(e: Error) => {
						reasons.add(e.message);
						return null;
					}
				);
				record('signIn', { ok: !!cookie, ms: performance.now() - t });
				if (!cookie) return void failures++;
				const id = await takeQuiz(server.base, cookie, 'security-policy', record);
				if (id) acked.push(id);
				else failures++;
			} catch (e) {
				reasons.add((e as Error).message);
				failures++;
			}
		},
		windowS * 1000
	);
	const peak = stopRss();
	const client = createClient({ url: `file:${file}`, timeout: 3000 });
	let stored = 0;
	for (let k = 0; k < acked.length; k += 500) {
		const chunk = acked.slice(k, k + 500);
		const r = await client.execute({
			sql: `SELECT count(*) AS c FROM attempt_result WHERE attempt_id IN (${chunk.map(() => '?').join(',')})`,
			args: chunk
		});
		stored += Number((r.rows[0] as unknown as { c: number }).c);
	}
	client.close();
	const all = Object.values(steps).flat();
	return {
		users,
		windowS,
		wallS: Math.round(wallMs / 100) / 10,
		acknowledged: acked.length,
		stored,
		lost: acked.length - stored,
		failures,
		failureReasons: [...reasons].slice(0, 5),
		errors: all.filter((s) => !s.ok).length,
		peakRssMb: peak,
		latency: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, percentiles(v.map((s) => s.ms))])),
		allRequests: percentiles(all.map((s) => s.ms))
	};
}

export type ExamDay = Awaited<ReturnType<typeof examDay>>;

/**
 * Asks for the sign-in page every 100 ms until `until` settles, one request at a time, and
 * returns how long the slowest answer took: what a user feels while the server works in the
 * background (its start-up refresh and reminders).
 */
export async function probeWhile(base: string, until: Promise<unknown>) {
	let done = false;
	void until.finally(() => (done = true));
	const ms: number[] = [];
	while (!done) {
		const t = performance.now();
		// a refused or failed request counts with the time it took, like an answer
		await fetch(`${base}/login`)
			.then((r) => r.arrayBuffer())
			.catch(() => null);
		ms.push(performance.now() - t);
		await new Promise((r) => setTimeout(r, 100));
	}
	await until;
	return { requests: ms.length, ...percentiles(ms) };
}
