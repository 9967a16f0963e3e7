/**
 * A worker thread's entry: writes one slice of a 個人別受講状況 export on its own database
 * connection and reports rows as it goes (started by export-workers.ts; built to
 * build/worker/export-worker.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDb } from '../db/client.ts';
import { inLocale } from '../locale.ts';
import { postProgress, postResult } from '../workers.ts';
import { writeSlice } from './person-export-file.ts';
import type { ExportWorkerInput } from './export-workers.ts';

const input = workerData as ExportWorkerInput;
const db = createDb(input.databaseUrl);
try {
	const rows = await inLocale(input.locale, () =>
		writeSlice(
			db,
			input.spec,
			input.slice,
			(s) => input.titles[s] ?? s,
			input.path,
			(n) => postProgress(parentPort!, n)
		)
	);
	postResult(parentPort!, rows);
} finally {
	db.$client.close();
}
