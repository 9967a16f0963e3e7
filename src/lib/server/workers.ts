import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Heavy reads (the 個人別 export, a dashboard computed cold) run in worker threads: the thread
 * that answers pages stays free, the second core is used, and the worker's memory is given
 * back when it ends. Each worker is a separate bundle that `npm run build` writes to
 * build/worker/ (vite.worker.config.ts).
 */

/** What a worker posts: progress as it goes (optional), then its result once. */
export type WorkerMessage<R, P = never> = { progress: P } | { result: R };

/**
 * The built worker `name`, looked for upwards from this module's built chunk (build/server/…);
 * null when the app runs from source (vite dev, vitest), where the work runs in this thread.
 */
export function builtWorkerFile(name: string, from: string = import.meta.url): string | null {
	let dir = dirname(fileURLToPath(from));
	for (let i = 0; i < 5; i++) {
		const file = join(dir, 'worker', `${name}.js`);
		if (existsSync(file)) return file;
		dir = dirname(dir);
	}
	return null;
}

/** A running worker: its result (rejected if it throws or stops first) and a way to stop it. */
export function runWorker<R, P = never>(file: string, workerData: unknown, resourceLimits: ResourceLimits, onProgress?: (p: P) => unknown) {
	const worker = new Worker(file, { workerData, resourceLimits });
	const result = new Promise<R>((resolve, reject) => {
		let out: { value: R } | null = null;
		worker.on('message', (m: WorkerMessage<R, P>) => {
			if ('result' in m) out = { value: m.result };
			// a failing progress callback (e.g. the job's progress write) fails the work, never the process
			else
				Promise.resolve(onProgress?.(m.progress)).catch((e) => {
					reject(e);
					void worker.terminate();
				});
		});
		worker.once('error', reject);
		worker.once('exit', (code) => (out && code === 0 ? resolve(out.value) : reject(new Error(`worker ${file} stopped (exit code ${code})`))));
	});
	return { result, stop: () => worker.terminate() };
}

/** In a worker: posts progress. */
export const postProgress = <P>(port: { postMessage(m: unknown): void }, progress: P) => port.postMessage({ progress } satisfies WorkerMessage<never, P>);
/** In a worker: posts the result. */
export const postResult = <R>(port: { postMessage(m: unknown): void }, result: R) => port.postMessage({ result } satisfies WorkerMessage<R>);
