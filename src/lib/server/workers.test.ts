import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtWorkerFile } from './workers.ts';

describe('finding a built worker', () => {
	afterEach(() => vi.restoreAllMocks());

	it('finds build/worker/<name>.js from the built server chunk, and tells the operator once when a built server has none', () => {
		const root = mkdtempSync(join(tmpdir(), 'manabi-workers-'));
		mkdirSync(join(root, 'build/server/chunks'), { recursive: true });
		mkdirSync(join(root, 'build/worker'));
		writeFileSync(join(root, 'build/worker/export-worker.js'), '');
		const chunk = pathToFileURL(join(root, 'build/server/chunks/workers.js')).href;
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

		expect(builtWorkerFile('export-worker', { from: chunk, warnIfMissing: true })).toBe(
			join(root, 'build/worker/export-worker.js')
		);
		expect(warn).not.toHaveBeenCalled();

		// a built server without the worker still runs (in its own thread), and says why it is slower
		expect(builtWorkerFile('dashboard-worker', { from: chunk, warnIfMissing: true })).toBeNull();
		expect(warn).toHaveBeenCalledTimes(1);
		expect(warn.mock.calls[0][0]).toContain('build/worker/dashboard-worker.js がありません');
		expect(warn.mock.calls[0][0]).toContain('npm run build');

		// from source (dev, tests) and while `vite build` analyses the routes there is no worker to find, and nothing to warn about
		expect(builtWorkerFile('dashboard-worker', { from: chunk, warnIfMissing: false })).toBeNull();
		expect(warn).toHaveBeenCalledTimes(1);
	});
});
