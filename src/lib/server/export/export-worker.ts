/**
 * A worker thread's entry: writes one slice of a 個人別受講状況 export on its own database
 * connection and reports rows as it goes. Built to build/worker/export-worker.js by
 * `npm run build` (vite.worker.config.ts); export-workers.ts starts it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDb } from '../db/client';
import { inLocale } from '../locale';
import { writeSlice } from './person-export-file';
import type { WorkerInput, WorkerMessage } from './export-workers';

const input = workerData as WorkerInput;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const db = createDb(input.databaseUrl);
try {
	const rows = await inLocale(input.locale, () => writeSlice(db, input.spec, input.slice, (s) => input.titles[s] ?? s, input.path, (n) => post({ rows: n })));
	post({ done: rows });
} finally {
	db.$client.close();
}
