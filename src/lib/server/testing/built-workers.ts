import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Builds the worker bundles as `npm run build` does (vite.worker.config.ts), into a fresh
 * folder inside the project so that they find the packages; returns the path of a worker by name.
 */
export function buildWorkers(): (name: 'export-worker' | 'dashboard-worker') => string {
	const base = join('node_modules', '.cache', 'manabi-test');
	spawnSync('mkdir', ['-p', base]);
	const out = join(mkdtempSync(join(base, 'workers-')), 'worker');
	const built = spawnSync(
		'node_modules/.bin/vite',
		['build', '-c', 'vite.worker.config.ts', '--outDir', out, '--logLevel', 'error'],
		{ encoding: 'utf8' }
	);
	if (built.status !== 0) throw new Error(`building the workers failed: ${built.stderr}`);
	return (name) => resolve(out, `${name}.js`);
}
