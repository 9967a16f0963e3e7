import { dirname, isAbsolute, join, resolve } from 'node:path';
import { EXPORT_DIR } from '$app/env/private';
import { db, databaseUrl } from '../db/index.ts';
import { moduleVersions } from '../assignment-runner.ts';
import { reportModules } from '../reports/view.ts';
import { createJobRunner } from './runner.ts';
import { builtWorkerFile } from '../workers.ts';
import { exportWorkerCount, workersExpected } from '../config.ts';
import { jobHandlers } from './handlers.ts';

/**
 * Export files live in `exports/` beside the database file (EXPORT_DIR overrides it). With
 * several app processes each one writes to its own disk: see docs/limitations.md.
 */
function defaultOutputDir() {
	if (EXPORT_DIR) return resolve(EXPORT_DIR);
	const file = databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length).split('?')[0] : null;
	if (!file) return resolve('exports');
	return join(dirname(isAbsolute(file) ? file : resolve(file)), 'exports');
}

export const outputDir = defaultOutputDir();

/** Export worker threads (config.ts), when the app runs from its build. */
function exportWorkers() {
	const file = builtWorkerFile('export-worker', { warnIfMissing: workersExpected });
	const count = exportWorkerCount();
	return file && count > 0 ? { file, databaseUrl, count } : null;
}

/** The app's one job runner. */
export const jobs = createJobRunner({
	db,
	outputDir,
	handlers: jobHandlers({ versions: moduleVersions, modules: reportModules, exportWorkers: exportWorkers() })
});

/** At start: interrupted jobs are marked, old files deleted; then the clean-up runs hourly. */
export async function startJobs() {
	const interrupted = await jobs.recover();
	if (interrupted) console.warn(`[manabi] ${interrupted} job(s) left by the previous process marked interrupted`);
	const clean = () => jobs.cleanUp().catch((e) => console.error('[manabi] export clean-up failed:', e));
	await clean();
	setInterval(clean, 60 * 60 * 1000).unref(); // hourly, so no file outlives its day by much
}
