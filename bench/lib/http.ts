/** Servers, load and measurements for the bench: all on 127.0.0.1, all bounded in time. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import autocannon from 'autocannon';

export type Load = { rps: number; p50: number; p975: number; p99: number; max: number; requests: number; errors: number; non2xx: number; peakRssMb: number | null };

export function rssMb(pid: number): number | null {
	try {
		const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Math.round(Number(m[1]) / 1024) : null;
	} catch {
		return null;
	}
}

/** Samples a process's resident memory every 50 ms until stopped; returns the peak in MB. */
export function sampleRss(pid: number) {
	let peak = rssMb(pid) ?? 0;
	const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid) ?? 0)), 50);
	return () => {
		clearInterval(timer);
		return Math.max(peak, rssMb(pid) ?? 0);
	};
}

export type Server = { base: string; pid: number; stop: () => Promise<void>; proc: ChildProcess };

export async function waitFor(url: string, timeoutMs = 30_000) {
	const until = Date.now() + timeoutMs;
	for (;;) {
		try {
			const r = await fetch(url, { redirect: 'manual' });
			if (r.status < 500) return;
		} catch {
			/* not up yet */
		}
		if (Date.now() > until) throw new Error(`server did not start: ${url}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** A port nobody listens on, so a leftover server can never answer for the one under test. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});
}

export async function startProcess(args: string[], port: number, env: Record<string, string>, readyPath = '/login'): Promise<Server> {
	const base = `http://127.0.0.1:${port}`;
	const proc = spawn(process.execPath, args, { env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ORIGIN: base, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
	let exited = false;
	proc.once('exit', () => (exited = true));
	await waitFor(base + readyPath);
	if (exited) throw new Error(`server exited before it was ready: ${args.join(' ')}`);
	return {
		base, pid: proc.pid!, proc,
		stop: () => new Promise<void>((resolve) => {
			if (proc.exitCode !== null) return resolve();
			proc.once('exit', () => resolve());
			proc.kill('SIGTERM');
		})
	};
}

/** Closed-loop load with autocannon; latencies in ms (autocannon reports p97.5, not p95). */
export async function load(opts: { url: string; pid: number; connections: number; seconds: number; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; expect?: number }): Promise<Load> {
	const stop = sampleRss(opts.pid);
	const r = await autocannon({ url: opts.url, connections: opts.connections, duration: opts.seconds, method: opts.method ?? 'GET', headers: opts.headers, body: opts.body });
	const peak = stop();
	const expected = opts.expect ?? 200;
	const codes = r.statusCodeStats as unknown as Record<string, { count: number }>;
	const good = codes[String(expected)]?.count ?? 0;
	const total = Object.values(codes).reduce((a, c) => a + c.count, 0);
	return {
		rps: Math.round(good / opts.seconds), p50: r.latency.p50, p975: r.latency.p97_5, p99: r.latency.p99, max: r.latency.max,
		requests: total, errors: r.errors + r.timeouts, non2xx: total - good, peakRssMb: peak || null
	};
}

const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0];

export async function signIn(base: string, employeeNo: string, password: string): Promise<string> {
	const res = await fetch(`${base}/login`, { method: 'POST', redirect: 'manual', headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ employeeNo, password }) });
	if (res.status !== 303) throw new Error(`sign-in failed for ${employeeNo}: ${res.status}`);
	return cookieOf(res);
}

export type Step = { ok: boolean; ms: number };

/** Starts (303 to the attempt) and opens a quiz, and picks an answer for every item. */
export async function startQuiz(base: string, cookie: string, slug: string, record: (name: string, s: Step) => void) {
	// a browser's form post: SvelteKit answers it with a 303, not the JSON of an enhanced form
	const headers = { cookie, origin: base, accept: 'text/html' };
	let t = performance.now();
	const start = await fetch(`${base}/learn/${slug}?/start`, { method: 'POST', redirect: 'manual', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
	const location = start.headers.get('location');
	record('start', { ok: start.status === 303 && !!location, ms: performance.now() - t });
	if (!location) return null;
	t = performance.now();
	const page = await fetch(base + location, { headers });
	const html = await page.text();
	record('open', { ok: page.status === 200, ms: performance.now() - t });
	const answers = new URLSearchParams();
	const seen = new Set<string>();
	for (const m of html.matchAll(/name="(q:[^"]+)" value="([^"]+)"/g)) {
		if (seen.has(m[1])) continue;
		seen.add(m[1]);
		answers.append(m[1], m[2]);
	}
	return { cookie, location, answers };
}

/** Submits a started quiz; true when the server acknowledged it (303 to the result). */
export async function submitQuiz(base: string, q: { cookie: string; location: string; answers: URLSearchParams }, record: (name: string, s: Step) => void) {
	const t = performance.now();
	const res = await fetch(`${base}${q.location}?/submit`, { method: 'POST', redirect: 'manual', headers: { cookie: q.cookie, origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: q.answers });
	const ok = res.status === 303;
	record('submit', { ok, ms: performance.now() - t });
	return ok;
}

/** One learner's quiz from start to acknowledged submit; the attempt id, or null. */
export async function takeQuiz(base: string, cookie: string, slug: string, record: (name: string, s: Step) => void): Promise<string | null> {
	const q = await startQuiz(base, cookie, slug, record);
	if (!q) return null;
	return (await submitQuiz(base, q, record)) ? q.location.split('/').at(-1)! : null;
}

export function percentiles(xs: number[]) {
	const s = [...xs].sort((a, b) => a - b);
	const at = (p: number) => (s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]) : 0);
	return { n: s.length, p50: at(50), p95: at(95), p99: at(99), max: s.length ? Math.round(s[s.length - 1]) : 0 };
}

/** Runs `task(i)` for i < total with at most `concurrency` in flight; arrivals spread over `spreadMs` (open model) when given. */
export async function runMany(total: number, concurrency: number, task: (i: number) => Promise<void>, spreadMs = 0) {
	let next = 0;
	const t0 = performance.now();
	const worker = async () => {
		for (;;) {
			const i = next++;
			if (i >= total) return;
			const due = t0 + (spreadMs * i) / total;
			const wait = due - performance.now();
			if (wait > 0) await new Promise((r) => setTimeout(r, wait));
			await task(i);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
	return performance.now() - t0;
}
