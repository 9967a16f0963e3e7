/** Load and measurements for the bench (autocannon, resident memory); all bounded in time. */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { cpuPerRequest, perSecond } from './stats.ts';

/** `cpuMsPerRequest`: the server's CPU time (user + system) over the load divided by the requests it answered. */
export type Load = {
	rps: number;
	p50: number;
	p975: number;
	p99: number;
	max: number;
	requests: number;
	errors: number;
	non2xx: number;
	peakRssMb: number | null;
	cpuMsPerRequest: number | null;
};

export function rssMb(pid: number): number | null {
	try {
		const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Math.round(Number(m[1]) / 1024) : null;
	} catch {
		return null;
	}
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc). */
export function cpuMs(pid: number): number | null {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
	} catch {
		return null;
	}
}

/**
 * Waits until a process has been (nearly) idle for `quietMs` (its start-up work done), at most
 * `maxMs`; returns how long it waited.
 */
export async function waitUntilIdle(pid: number, quietMs = 1500, maxMs = 180_000): Promise<number> {
	const t0 = performance.now();
	let last = cpuMs(pid);
	let quietSince = performance.now();
	while (performance.now() - t0 < maxMs) {
		await new Promise((r) => setTimeout(r, 250));
		const now = cpuMs(pid);
		if (now === null || last === null) break;
		// less than 10 % of one CPU in the last 250 ms counts as idle
		if (now - last > 25) quietSince = performance.now();
		last = now;
		if (performance.now() - quietSince >= quietMs) break;
	}
	return Math.round(performance.now() - t0);
}

/**
 * Waits for V8 to give back what a burst of work left (its memory reducer runs some seconds
 * after a process goes idle): until resident memory has dropped by 20 MB or more and then held
 * for 3 s, at most `maxMs`. Returns the resident memory before and after, and the wait.
 */
export async function waitForSettledRss(
	pid: number,
	maxMs = 40_000
): Promise<{ fromMb: number | null; toMb: number | null; waitedMs: number }> {
	const t0 = performance.now();
	const fromMb = rssMb(pid);
	let last = fromMb;
	let steadySince = performance.now();
	while (performance.now() - t0 < maxMs && fromMb !== null) {
		await new Promise((r) => setTimeout(r, 500));
		const now = rssMb(pid);
		if (now === null || last === null) break;
		if (Math.abs(now - last) > 1) steadySince = performance.now();
		last = now;
		if (fromMb - now >= 20 && performance.now() - steadySince >= 3000) break;
	}
	return { fromMb, toMb: rssMb(pid), waitedMs: Math.round(performance.now() - t0) };
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

/** Closed-loop load with autocannon; latencies in ms (autocannon reports p97.5, not p95). */
export async function load(opts: {
	url: string;
	pid: number;
	connections: number;
	seconds: number;
	method?: 'GET' | 'POST';
	headers?: Record<string, string>;
	body?: string;
	expect?: number;
}): Promise<Load> {
	const stop = sampleRss(opts.pid);
	const cpuBefore = cpuMs(opts.pid);
	const r = await autocannon({
		url: opts.url,
		connections: opts.connections,
		duration: opts.seconds,
		method: opts.method ?? 'GET',
		headers: opts.headers,
		body: opts.body
	});
	const peak = stop();
	const cpuAfter = cpuMs(opts.pid);
	const expected = opts.expect ?? 200;
	const codes = r.statusCodeStats as unknown as Record<string, { count: number }>;
	const good = codes[String(expected)]?.count ?? 0;
	const total = Object.values(codes).reduce((a, c) => a + c.count, 0);
	return {
		rps: perSecond(good, opts.seconds * 1000),
		p50: r.latency.p50,
		p975: r.latency.p97_5,
		p99: r.latency.p99,
		max: r.latency.max,
		requests: total,
		errors: r.errors + r.timeouts,
		non2xx: total - good,
		peakRssMb: peak || null,
		cpuMsPerRequest: cpuPerRequest(cpuBefore, cpuAfter, total)
	};
}
