import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { render } from 'svelte/server';
import type { Component } from 'svelte';
import { splitSections } from './sections.ts';
import { formatProblem, type Module } from './types.ts';
import { validateModule } from './validate.ts';

/**
 * The module catalogue, built once when the server starts. Lessons are compiled into the
 * server bundle by mdsvex and rendered to HTML here; banks are read as raw text. Nothing in
 * this folder can be imported by browser code (#lib/server).
 */
const components = import.meta.glob<{ default: Component }>('/content/modules/*/index.md', { eager: true });
const lessonSources = import.meta.glob<string>('/content/modules/*/index.md', {
	query: '?raw',
	import: 'default',
	eager: true
});
const bankSources = import.meta.glob<string>('/content/modules/*/questions.yaml', {
	query: '?raw',
	import: 'default',
	eager: true
});

const slugOf = (path: string) => path.split('/').at(-2)!;

function hashOf(...parts: string[]) {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(parts.join('\u0000'))));
}

function buildCatalog(): Map<string, Module> {
	const modules: Module[] = [];
	for (const [path, indexSource] of Object.entries(lessonSources)) {
		const slug = slugOf(path);
		const questionsPath = path.replace(/index\.md$/, 'questions.yaml');
		const questionsSource = bankSources[questionsPath] ?? null;
		const { module, problems } = validateModule({
			slug,
			indexFile: path.slice(1),
			indexSource,
			questionsFile: questionsPath.slice(1),
			questionsSource
		});
		if (!module) throw new Error(`教材に問題があります:\n${problems.map(formatProblem).join('\n')}`);
		const { body } = render(components[path].default, { props: {} });
		modules.push({
			...module.meta,
			contentHash: hashOf(indexSource, questionsSource ?? ''),
			sections: splitSections(body),
			bank: module.bank
		});
	}
	modules.sort((a, b) => a.code.localeCompare(b.code));
	return new Map(modules.map((m) => [m.slug, m]));
}

let catalog: Map<string, Module> | undefined;

export function listModules(): Module[] {
	catalog ??= buildCatalog();
	return [...catalog.values()];
}

export function getModule(slug: string): Module | null {
	catalog ??= buildCatalog();
	return catalog.get(slug) ?? null;
}
