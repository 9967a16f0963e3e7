/**
 * A worker thread's entry: computes one dashboard on its own database connection (started
 * by view.ts; built to build/worker/dashboard-worker.js). At 30,000 staff this is 600,000
 * facts and seconds of work that would otherwise hold every other request.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDb } from '../db/client.ts';
import { postResult } from '../workers.ts';
import { computeDashboard, type DashboardInput } from './dashboard-compute.ts';

const { databaseUrl, input } = workerData as { databaseUrl: string; input: DashboardInput };
const db = createDb(databaseUrl);
try {
	postResult(parentPort!, await computeDashboard(db, input));
} finally {
	db.$client.close();
}
