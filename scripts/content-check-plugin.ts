import type { Plugin } from 'vite';
import { checkModules, readModuleFiles } from '../src/lib/server/content/files.ts';
import { formatProblem } from '../src/lib/server/content/types.ts';

/** Fails the build (and the dev server start) when a module file is malformed, naming the file. */
export function contentCheckPlugin(): Plugin {
	return {
		name: 'manabi-content-check',
		apply: 'build',
		buildStart() {
			const { problems } = checkModules(readModuleFiles());
			if (problems.length > 0)
				this.error(`教材に問題があります（npm run content:check で一覧）:\n${problems.map(formatProblem).join('\n')}`);
		}
	};
}
