/**
 * Builds the server once (skipped with RELIABILITY_NO_BUILD=1 when `npm test` has just built it,
 * as CI does), gives the test files a temporary folder for their databases and figures, and at
 * the end prints every test's figures together and removes the folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		workDir: string;
	}
}

export default function setup(project: TestProject) {
	if (process.env.RELIABILITY_NO_BUILD !== '1') {
		console.log('[reliability] building…');
		const b = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
		if (b.status !== 0) throw new Error('npm run build failed');
	}
	if (!existsSync('build/index.js')) throw new Error('build/index.js is missing: run `npm run build` first');
	const workDir = mkdtempSync(join(tmpdir(), 'manabi-reliability-'));
	project.provide('workDir', workDir);
	const t0 = performance.now();
	return () => {
		const files = readdirSync(workDir)
			.filter((f) => f.startsWith('figures-'))
			.sort();
		console.log(`\n[reliability] figures (${Math.round((performance.now() - t0) / 1000)} s without the build):`);
		for (const f of files) {
			const { name, figures } = JSON.parse(readFileSync(join(workDir, f), 'utf8')) as {
				name: string;
				figures: Record<string, unknown>;
			};
			console.log(
				`  ${name}: ${Object.entries(figures)
					.map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`)
					.join(', ')}`
			);
		}
		rmSync(workDir, { recursive: true, force: true });
	};
}
