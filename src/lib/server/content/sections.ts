import type { Section } from './types.ts';

const COMMENTS = /<!--[\s\S]*?-->/g;
const TAGS = /<[^>]+>/g;

/**
 * Splits a rendered lesson into pages at each <h2>. Text before the first heading (the
 * introduction) opens the first page. The last two pages are まとめ and 出典.
 */
export function splitSections(html: string): Section[] {
	const clean = html.replace(COMMENTS, '').trim();
	const parts = clean.split(/(?=<h2[\s>])/);
	const intro = parts[0].startsWith('<h2') ? '' : parts.shift()!;
	return parts.map((part, i) => ({
		title: (/<h2[^>]*>([\s\S]*?)<\/h2>/.exec(part)?.[1] ?? '').replace(TAGS, '').trim(),
		html: (i === 0 ? intro : '') + part.trim()
	}));
}
