/**
 * Preloaded into the bench's server (`node --import ./bench/lib/event-loop.mjs build`): watches
 * the event loop's delay. On SIGUSR2 it writes the delay since the last signal (max, p99, mean,
 * in ms) to BENCH_EVENT_LOOP_FILE and starts over, so the bench can measure one request.
 */
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.BENCH_EVENT_LOOP_FILE;
if (file) {
	const h = monitorEventLoopDelay({ resolution: 10 });
	h.enable();
	const ms = (ns) => Math.round(ns / 1e5) / 10;
	process.on('SIGUSR2', () => {
		writeFileSync(file, JSON.stringify({ maxMs: ms(h.max), p99Ms: ms(h.percentile(99)), meanMs: ms(h.mean) }));
		h.reset();
	});
}
