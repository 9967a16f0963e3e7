import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from './types.ts';
import { validateModule, type ModuleFiles, type ValidatedModule } from './validate.ts';

export const CONTENT_ROOT = 'content/modules';

/** Reads every module folder under `root` (used by content:check and by the build). */
export function readModuleFiles(root = CONTENT_ROOT): ModuleFiles[] {
	if (!existsSync(root)) return [];
	return readdirSync(root, { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.map((d) => {
			const indexFile = join(root, d.name, 'index.md');
			const questionsFile = join(root, d.name, 'questions.yaml');
			return {
				slug: d.name,
				indexFile,
				indexSource: existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : '',
				questionsFile,
				questionsSource: existsSync(questionsFile) ? readFileSync(questionsFile, 'utf8') : null
			};
		});
}

/** Validates a whole tree: each module, plus rules across modules (unique codes). */
export function checkModules(all: ModuleFiles[]): { modules: ValidatedModule[]; problems: Problem[] } {
	const results = all.map((f) => validateModule(f));
	const problems = results.flatMap((r) => r.problems);
	const modules = results.flatMap((r) => (r.module ? [r.module] : []));
	const byCode = new Map<string, string>();
	for (const m of modules) {
		const other = byCode.get(m.meta.code);
		if (other)
			problems.push({
				file: join(CONTENT_ROOT, m.meta.slug, 'index.md'),
				field: 'code',
				message: `${m.meta.code} は ${other} でも使われています`
			});
		byCode.set(m.meta.code, m.meta.slug);
	}
	return { modules, problems };
}
