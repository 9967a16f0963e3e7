/**
 * Preloaded into the bench's server (`node --import ./bench/lib/event-loop.mjs build`): watches
 * the event loop's delay and times each request inside the server (from Node's
 * `http.server.request.start` to `http.server.response.finish` diagnostics channels, so the
 * app is not touched). On SIGUSR2 it writes, since the last signal, the loop's delay (max, p99,
 * mean, in ms) and every request's duration in ms to BENCH_EVENT_LOOP_FILE and starts over; the
 * bench computes the percentiles (stats.ts). Server-side times leave out what happens before the
 * server reads a request (connection queues, the load generator itself on the same CPUs).
 */
import { writeFileSync } from 'node:fs';
import { subscribe } from 'node:diagnostics_channel';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_EVENT_LOOP_FILE;
// `--import` preloads this into the app's worker threads too; only the thread that answers requests is watched
if (file && isMainThread) {
	const h = monitorEventLoopDelay({ resolution: 10 });
	h.enable();
	/** @type {WeakMap<object, number>} */
	const started = new WeakMap();
	/** @type {number[]} */
	let durations = [];
	/** @param {unknown} message */
	const requestOf = (message) => /** @type {{ request: object }} */ (message).request;
	subscribe('http.server.request.start', (message) => void started.set(requestOf(message), performance.now()));
	subscribe('http.server.response.finish', (message) => {
		const t = started.get(requestOf(message));
		if (t !== undefined) durations.push(Math.round((performance.now() - t) * 10) / 10);
	});
	const ms = (/** @type {number} */ ns) => Math.round(ns / 1e5) / 10;
	process.on('SIGUSR2', () => {
		writeFileSync(
			file,
			JSON.stringify({ maxMs: ms(h.max), p99Ms: ms(h.percentile(99)), meanMs: ms(h.mean), requestMs: durations })
		);
		h.reset();
		durations = [];
	});
}
