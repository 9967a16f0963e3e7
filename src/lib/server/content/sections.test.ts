import { describe, expect, it } from 'vitest';
import { splitSections } from './sections.ts';

describe('splitSections', () => {
	it('makes one page per h2 and puts the introduction on the first', () => {
		const html =
			'<!--[--><p>はじめに</p><h2>第1節</h2><p>a</p><h2 id="x">第<em>2</em>節</h2><ul><li>b</li></ul><!--]-->';
		expect(splitSections(html)).toEqual([
			{ title: '第1節', html: '<p>はじめに</p><h2>第1節</h2><p>a</p>' },
			{ title: '第2節', html: '<h2 id="x">第<em>2</em>節</h2><ul><li>b</li></ul>' }
		]);
	});

	it('does not split at h3 or at text that only mentions h2', () => {
		const sections = splitSections('<h2>A</h2><h3>A-1</h3><p>&lt;h2&gt;</p><h2>B</h2>');
		expect(sections.map((s) => s.title)).toEqual(['A', 'B']);
	});
});
