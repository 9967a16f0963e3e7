import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (locale: string) => readFileSync(join(root, 'messages', `${locale}.json`), 'utf8');
const jaText = read('ja');
const enText = read('en');
const ja: Record<string, string> = JSON.parse(jaText);
const en: Record<string, string> = JSON.parse(enText);

const params = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return path.endsWith(join('lib', 'paraglide')) ? [] : sourceFiles(path);
		return /\.(svelte|ts)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
	});
}

/** Files that import the message catalog; in them `m.` is the catalog. */
const users = sourceFiles(join(root, 'src'))
	.map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }))
	.filter((f) => f.text.includes('paraglide/messages'));

describe('message catalogs', () => {
	it('en.json has exactly the keys of ja.json', () => {
		const missing = Object.keys(ja).filter((k) => !(k in en));
		const extra = Object.keys(en).filter((k) => !(k in ja));
		expect({ missing, extra }).toEqual({ missing: [], extra: [] });
	});

	it('every English message has the same {params} as the Japanese one', () => {
		const different = Object.keys(ja)
			.filter((k) => k in en && params(ja[k]).join() !== params(en[k]).join())
			.map((k) => `${k}: ja {${params(ja[k])}} en {${params(en[k])}}`);
		expect(different).toEqual([]);
	});

	it.each([
		['ja', jaText],
		['en', enText]
	])('%s.json is sorted by key, tab-indented, with a trailing newline', (_, text) => {
		const catalog: Record<string, string> = JSON.parse(text);
		const keys = Object.keys(catalog);
		expect(keys).toEqual([...keys].sort());
		expect(text).toBe(JSON.stringify(catalog, null, '\t') + '\n');
	});

	it('no message is empty', () => {
		const empty = [...Object.entries(ja), ...Object.entries(en)].filter(([, v]) => v.trim() === '').map(([k]) => k);
		expect(empty).toEqual([]);
	});

	it('no English message is untranslated Japanese', () => {
		// Japanese is allowed as a term in brackets beside English words, e.g. "fiscal year (年度)".
		const untranslated = Object.entries(en)
			.filter(([, v]) => JAPANESE.test(v) && !/[A-Za-z]{3,}/.test(v.replace(/\{\w+\}/g, '')))
			.map(([k, v]) => `${k}: ${v}`);
		expect(untranslated).toEqual([]);
	});
});

/**
 * Keys no code uses on the day this test was written. They are kept rather than deleted because the
 * literal-to-catalog work running in parallel may still use them; delete them once that has landed.
 * A key that becomes unused later is not allowed in silently: the test below names it.
 */
const KNOWN_UNUSED: string[] = [];

describe('message keys used in the code', () => {
	const used = users.flatMap((f) => [...f.text.matchAll(/\bm\.(\w+)/g)].map((x) => ({ key: x[1], path: f.path })));

	it('every m.<key> in src exists in ja.json', () => {
		const unknown = used.filter((u) => !(u.key in ja)).map((u) => `${u.path}: m.${u.key}`);
		expect(unknown).toEqual([]);
	});

	it('every key in ja.json is used somewhere in src', () => {
		const direct = new Set(used.map((u) => u.key));
		// Keys built at run time, e.g. m[`a11y_sc_${id}`], or named in a lookup table as a string.
		const prefixes = users.flatMap((f) => [...f.text.matchAll(/`(\w+_)\$\{/g)].map((x) => x[1]));
		const quoted = new Set(users.flatMap((f) => [...f.text.matchAll(/['"`](\w+)['"`]/g)].map((x) => x[1])));
		const unused = Object.keys(ja).filter(
			(k) => !direct.has(k) && !quoted.has(k) && !prefixes.some((p) => k.startsWith(p)) && !KNOWN_UNUSED.includes(k)
		);
		expect(unused).toEqual([]);
	});
});
