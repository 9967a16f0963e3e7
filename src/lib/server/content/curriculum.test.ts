import { describe, expect, it } from 'vitest';
import { getModule, listModules } from './catalog.ts';

/** The starter curriculum (M01–M20) as the server loads it from content/. */
const modules = listModules();

describe('the starter curriculum', () => {
	it('has the 20 modules M01–M20 in order', () => {
		expect(modules.map((m) => m.code)).toEqual(
			Array.from({ length: 20 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`)
		);
	});

	it.each(modules.map((m) => [m.code, m] as const))(
		'%s has objectives, sections, まとめ, 出典 and a full bank',
		(_code, m) => {
			expect(m.objectives.length).toBeGreaterThanOrEqual(2);
			expect(m.sections.length).toBeGreaterThanOrEqual(4);
			expect(m.sections.at(-1)!.title).toBe('出典');
			expect(m.sections.at(-1)!.html).toMatch(/<li>/);
			expect(m.sections.at(-2)!.title).toBe('まとめ');
			expect(m.bank.length).toBeGreaterThanOrEqual(m.slug === 'security-policy' ? 20 : 12);
			expect(m.drawCount).toBeGreaterThanOrEqual(5);
			expect(m.drawCount).toBeLessThanOrEqual(10);
			expect(new Set(m.bank.map((i) => i.id)).size).toBe(m.bank.length);
			expect(new Set(m.bank.map((i) => i.type))).toEqual(new Set(['single', 'multiple', 'truefalse']));
			for (const item of m.bank) {
				expect(item.explanation.length, item.id).toBeGreaterThan(20);
				expect(item.objective, item.id).toBeLessThanOrEqual(m.objectives.length);
			}
			for (let o = 1; o <= m.objectives.length; o++)
				expect(m.bank.filter((i) => i.objective === o).length, `objective ${o}`).toBeGreaterThanOrEqual(3);
		}
	);

	it('renders lessons to HTML with real headings and no leftover Svelte markers', () => {
		for (const m of modules)
			for (const s of m.sections) {
				expect(s.html).toMatch(/^(<p>|<blockquote>|<h2)/);
				expect(s.html).not.toContain('<!--');
			}
	});

	it('marks the security-policy template for each municipality and requires re-taking new versions', () => {
		const sp = getModule('security-policy')!;
		expect(sp.retakeOnNewVersion).toBe(true);
		expect(sp.sections.map((s) => s.html).join('')).toContain('【自治体記入欄】');
	});

	it('gives each module a content hash that identifies exactly what was shown', () => {
		const hashes = modules.map((m) => m.contentHash);
		expect(new Set(hashes).size).toBe(modules.length);
		for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
	});
});
