/** The app's HTTP flows for the bench and the reliability tests: servers, sign-in, quizzes; all on 127.0.0.1. */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { generateTOTP } from '@oslojs/otp';
import { BENCH_TOTP_KEY } from './seed.ts';

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

/**
 * The server's event-loop delay, and how long it took over each request, since the last call
 * (see event-loop.mjs; the server must have been
 * started with it preloaded and BENCH_EVENT_LOOP_FILE set to `file`); null if it does not answer.
 */
export async function eventLoopDelay(
	pid: number,
	file: string
): Promise<{ maxMs: number; p99Ms: number; meanMs: number; requestMs: number[] } | null> {
	rmSync(file, { force: true });
	process.kill(pid, 'SIGUSR2');
	for (let i = 0; i < 200; i++) {
		await new Promise((r) => setTimeout(r, 25));
		if (existsSync(file)) {
			try {
				return JSON.parse(readFileSync(file, 'utf8'));
			} catch {
				// written but not yet complete
			}
		}
	}
	return null;
}

export async function startProcess(
	args: string[],
	port: number,
	env: Record<string, string>,
	readyPath = '/login',
	readyTimeoutMs = 30_000
): Promise<Server> {
	const base = `http://127.0.0.1:${port}`;
	const proc = spawn(process.execPath, args, {
		env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ORIGIN: base, ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	let exited = false;
	proc.once('exit', () => (exited = true));
	try {
		await waitFor(base + readyPath, readyTimeoutMs);
	} catch (e) {
		proc.kill('SIGKILL'); // never leave a server behind
		throw e;
	}
	if (exited) throw new Error(`server exited before it was ready: ${args.join(' ')}`);
	return {
		base,
		pid: proc.pid!,
		proc,
		stop: () =>
			new Promise<void>((resolve) => {
				if (proc.exitCode !== null) return resolve();
				proc.once('exit', () => resolve());
				proc.kill('SIGTERM');
			})
	};
}

const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0];

export async function signIn(
	base: string,
	employeeNo: string,
	password: string,
	totpKey = BENCH_TOTP_KEY
): Promise<string> {
	const res = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ employeeNo, password })
	});
	if (res.status !== 303) throw new Error(`sign-in failed for ${employeeNo}: ${res.status}`);
	if (!res.headers.get('location')?.startsWith('/login/two-factor')) return cookieOf(res);
	// HR and admin pass a second factor: the code of the bench's authenticator key
	const code = generateTOTP(totpKey, 30, 6);
	const second = await fetch(`${base}/login/two-factor`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			cookie: cookieOf(res),
			origin: base,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ code })
	});
	if (second.status !== 303) throw new Error(`second factor failed for ${employeeNo}: ${second.status}`);
	return cookieOf(second);
}

export type Step = { ok: boolean; ms: number };

export type OpenQuiz = {
	cookie: string;
	location: string;
	answers: URLSearchParams;
	options: Record<string, string[]>;
};

/** Starts (303 to the attempt) and opens a quiz, and picks an answer (the first choice) for every item. */
export async function startQuiz(
	base: string,
	cookie: string,
	slug: string,
	record: (name: string, s: Step) => void
): Promise<OpenQuiz | null> {
	// a browser's form post: SvelteKit answers it with a 303, not the JSON of an enhanced form
	const headers = { cookie, origin: base, accept: 'text/html' };
	let t = performance.now();
	const start = await fetch(`${base}/learn/${slug}?/start`, {
		method: 'POST',
		redirect: 'manual',
		headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
		body: ''
	});
	const location = start.headers.get('location');
	record('start', { ok: start.status === 303 && !!location, ms: performance.now() - t });
	if (!location) return null;
	t = performance.now();
	const page = await fetch(base + location, { headers });
	const html = await page.text();
	record('open', { ok: page.status === 200, ms: performance.now() - t });
	const options: Record<string, string[]> = {};
	for (const m of html.matchAll(/name="(q:[^"]+)" value="([^"]+)"/g)) (options[m[1]] ??= []).push(m[2]);
	const answers = new URLSearchParams(Object.entries(options).map(([name, values]) => [name, values[0]]));
	return { cookie, location, answers, options };
}

export type SubmitReply = {
	status: number;
	location: string | null;
	acknowledged: boolean;
	body: string;
	headers: Headers;
};

/**
 * Posts a started quiz as a browser form does. Acknowledged = the server answered 303 to the
 * attempt's own page, which then shows the result; anything else (an error, a redirect to the
 * sign-in page, no answer at all) is not. `enhanced` posts as JavaScript's use:enhance does
 * (JSON answer; acknowledged = a redirect result to the attempt's page).
 */
export async function postSubmit(
	base: string,
	q: OpenQuiz,
	opts: { answers?: URLSearchParams; signal?: AbortSignal; enhanced?: boolean } = {}
): Promise<SubmitReply> {
	const headers: Record<string, string> = {
		cookie: q.cookie,
		origin: base,
		accept: opts.enhanced ? 'application/json' : 'text/html',
		'content-type': 'application/x-www-form-urlencoded'
	};
	if (opts.enhanced) headers['x-sveltekit-action'] = 'true';
	const res = await fetch(`${base}${q.location}?/submit`, {
		method: 'POST',
		redirect: 'manual',
		headers,
		body: opts.answers ?? q.answers,
		signal: opts.signal
	});
	const body = await res.text();
	const location = opts.enhanced ? redirectOf(body) : res.headers.get('location');
	const acknowledged = (opts.enhanced ? res.status === 200 : res.status === 303) && location === q.location;
	return { status: res.status, location, acknowledged, body, headers: res.headers };
}

/** The target of an enhanced action's `{ type: 'redirect', location }` answer, else null. */
function redirectOf(body: string): string | null {
	try {
		const r = JSON.parse(body) as { type?: string; location?: string };
		return r.type === 'redirect' ? (r.location ?? null) : null;
	} catch {
		return null;
	}
}

/** Submits a started quiz; true when the server acknowledged it (see postSubmit). */
export async function submitQuiz(base: string, q: OpenQuiz, record: (name: string, s: Step) => void) {
	const t = performance.now();
	const { acknowledged } = await postSubmit(base, q);
	record('submit', { ok: acknowledged, ms: performance.now() - t });
	return acknowledged;
}

/** One learner's quiz from start to acknowledged submit; the attempt id, or null. */
export async function takeQuiz(
	base: string,
	cookie: string,
	slug: string,
	record: (name: string, s: Step) => void
): Promise<string | null> {
	const q = await startQuiz(base, cookie, slug, record);
	if (!q) return null;
	return (await submitQuiz(base, q, record)) ? q.location.split('/').at(-1)! : null;
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

/** Reads a CSV answer to its last byte as a browser saving it would, counting bytes and lines (not keeping it). */
export async function downloadCsv(res: Response): Promise<{ bytes: number; lines: number }> {
	let bytes = 0;
	let lines = 0;
	for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
		bytes += chunk.byteLength;
		for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
	}
	return { bytes, lines };
}

/**
 * The 個人別受講状況 export as the dashboard form makes it: a job is started (303 to its page),
 * its JSON status polled until it ends, then its file downloaded. `during` runs while it works.
 */
export async function exportPersonsViaJob(
	base: string,
	cookie: string,
	during?: () => Promise<void>
): Promise<{ res: Response; jobMs: number }> {
	const t = performance.now();
	const start = await fetch(`${base}/dashboard/export`, {
		method: 'POST',
		redirect: 'manual',
		headers: { cookie, origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: 'kind=persons&enc=utf-8'
	});
	const job = start.headers.get('location');
	if (start.status !== 303 || !job?.startsWith('/jobs/'))
		throw new Error(`starting the export answered ${start.status} ${job ?? ''}`);
	const running = during?.();
	for (;;) {
		const s = (await (await fetch(`${base}${job}/status`, { headers: { cookie } })).json()) as {
			active: boolean;
			status: string;
			error: string | null;
		};
		if (!s.active) {
			if (s.status !== 'done') throw new Error(`the export job ended ${s.status}: ${s.error}`);
			break;
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	const jobMs = Math.round(performance.now() - t);
	await running;
	return { res: await fetch(`${base}${job}/file`, { headers: { cookie } }), jobMs };
}
