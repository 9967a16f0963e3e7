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
 * A built server without it (build/ made by a bare `vite build`, or copied without
 * build/worker/) still works, more slowly; the operator is told so once at start.
 */
export function builtWorkerFile(
	name: string,
	{ from = import.meta.url, warnIfMissing = !import.meta.env.DEV } = {}
): string | null {
	let dir = dirname(fileURLToPath(from));
	for (let i = 0; i < 5; i++) {
		const file = join(dir, 'worker', `${name}.js`);
		if (existsSync(file)) return file;
		dir = dirname(dir);
	}
	if (warnIfMissing)
		console.warn(
			`[manabi] build/worker/${name}.js がありません。集計や出力をこの処理の中で行うため、その間ほかの画面が遅くなります。npm run build で作り直してください / worker ${name}.js not found next to the build: the work runs in the server's own thread (slower, and other requests wait); rebuild with npm run build`
		);
	return null;
}

/**
 * Runs a worker to its end and resolves with its result, or rejects once it has ended if it
 * threw, stopped without a result or `onProgress` failed. A worker is never terminated from
 * outside: one holding a libSQL connection can take the whole process down with a native panic
 * when it is stopped mid-work (seen once in a full test run).
 */
export function runWorker<R, P = never>(
	file: string,
	workerData: unknown,
	resourceLimits: ResourceLimits,
	onProgress?: (p: P) => unknown
): Promise<R> {
	const worker = new Worker(file, { workerData, resourceLimits });
	return new Promise<R>((resolve, reject) => {
		let out: { value: R } | null = null;
		let failure: unknown = null;
		const fail = (e: unknown) => (failure ??= e);
		worker.on('message', (m: WorkerMessage<R, P>) => {
			if ('result' in m) out = { value: m.result };
			// a failing progress callback (e.g. the job's progress write) fails the work, never the process
			else Promise.resolve(onProgress?.(m.progress)).catch(fail);
		});
		worker.once('error', fail);
		worker.once('exit', (code) => {
			if (failure === null && out && code === 0) resolve(out.value);
			else reject(failure ?? new Error(`worker ${file} stopped (exit code ${code})`));
		});
	});
}

/** In a worker: posts progress. */
export const postProgress = <P>(port: { postMessage(m: unknown): void }, progress: P) =>
	port.postMessage({ progress } satisfies WorkerMessage<never, P>);
/** In a worker: posts the result. */
export const postResult = <R>(port: { postMessage(m: unknown): void }, result: R) =>
	port.postMessage({ result } satisfies WorkerMessage<R>);
