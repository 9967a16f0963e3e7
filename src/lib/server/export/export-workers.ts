import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AppLocale } from '../../i18n/locales';
import type { PersonExportSpec, StaffSlice } from './person-export-file';

export type WorkerInput = { databaseUrl: string; spec: PersonExportSpec; slice: StaffSlice; path: string; titles: Record<string, string>; locale: AppLocale };
export type WorkerMessage = { rows: number } | { done: number };

/**
 * Each worker's heap is capped: an export page needs a few MB, and without a cap V8 lets
 * garbage grow by hundreds of MB before collecting it (the export's peak memory, issue #7).
 * A young generation under 16 MB made the 30k export about twice as slow (measured).
 */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

/**
 * The worker as `npm run build` writes it (build/worker/export-worker.js), looked for upwards
 * from this module's built chunk; null when the app runs from source (vite dev, vitest), where
 * slices are written in the server's own thread instead.
 */
export function builtWorkerFile(from: string = import.meta.url): string | null {
	let dir = dirname(fileURLToPath(from));
	for (let i = 0; i < 5; i++) {
		const file = join(dir, 'worker', 'export-worker.js');
		if (existsSync(file)) return file;
		dir = dirname(dir);
	}
	return null;
}

/**
 * Writes each slice in its own worker thread at the same time, calling `onRows` with the total
 * so far. If one fails, the others are stopped and the first error is passed on.
 */
export function writeSlicesInWorkers(
	workerFile: string,
	inputs: readonly WorkerInput[],
	onRows: (total: number) => unknown
): Promise<number> {
	const counts = inputs.map(() => 0);
	const workers: Worker[] = [];
	const total = () => counts.reduce((a, b) => a + b, 0);
	const runs = inputs.map(
		(workerData, i) =>
			new Promise<void>((resolve, reject) => {
				let finished = false;
				const w = new Worker(workerFile, { workerData, resourceLimits: RESOURCE_LIMITS });
				workers.push(w);
				w.on('message', (m: WorkerMessage) => {
					if ('done' in m) {
						counts[i] = m.done;
						finished = true;
					} else counts[i] = m.rows;
					void onRows(total());
				});
				w.once('error', reject);
				w.once('exit', (code) => (finished && code === 0 ? resolve() : reject(new Error(`export worker ${i} stopped (exit code ${code})`))));
			})
	);
	return Promise.all(runs).then(total, async (e) => {
		await Promise.all(workers.map((w) => w.terminate()));
		throw e;
	});
}
