import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, type Page } from '@playwright/test';
import { WCAG_TAGS } from './a11y-pages.ts';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** What one test (one role in one locale) found; each is written to disk, since a failed test restarts the worker. */
export type Part = {
	role: string;
	locale: string;
	routes: string[];
	pages: string[];
	rules: Record<string, { tags: string[]; applicable: boolean }>;
	violations: { rule: string; impact: string; page: string; targets: string[] }[];
	incomplete: number;
};

export function newPart(role: string, locale: string): Part {
	return { role, locale, routes: [], pages: [], rules: {}, violations: [], incomplete: 0 };
}

/** Runs axe with the WCAG 2.0/2.1 A+AA rules on the page as it is now and adds the findings to the part. */
export async function scan(page: Page, part: Part, label: string, route?: string) {
	const r: AxeResults = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	part.pages.push(label);
	if (route) part.routes.push(route);
	for (const [list, applicable] of [
		[r.passes, true],
		[r.violations, true],
		[r.incomplete, true],
		[r.inapplicable, false]
	] as const)
		for (const rule of list) {
			const seen = part.rules[rule.id];
			part.rules[rule.id] = { tags: rule.tags, applicable: applicable || (seen?.applicable ?? false) };
		}
	part.incomplete += r.incomplete.length;
	for (const v of r.violations)
		part.violations.push({
			rule: v.id,
			impact: v.impact ?? '',
			page: label,
			targets: v.nodes.map((n) => n.target.join(' '))
		});
}

export const describe = (v: Part['violations']) =>
	v
		.map(
			(x) =>
				`  [${x.impact}] ${x.rule} on ${x.page}: ${x.targets.slice(0, 5).join(' | ')}${x.targets.length > 5 ? ' …' : ''}`
		)
		.join('\n');

const partsDir = () => join(test.info().project.outputDir, 'a11y-parts');

export function savePart(part: Part) {
	mkdirSync(partsDir(), { recursive: true });
	writeFileSync(join(partsDir(), `${part.role}-${part.locale}.json`), JSON.stringify(part));
}

export function loadParts(): Part[] {
	try {
		return readdirSync(partsDir()).map((f) => JSON.parse(readFileSync(join(partsDir(), f), 'utf8')));
	} catch {
		return [];
	}
}

/** wcag143 → 1.4.3, wcag1411 → 1.4.11 */
const criterionOf = (tag: string) => {
	const d = /^wcag(\d)(\d)(\d+)$/.exec(tag);
	return d ? `${d[1]}.${d[2]}.${d[3]}` : null;
};

/** The published record: figures only, from the parts of this run. */
export function summarise(parts: Part[], tools: Record<string, string>, testedOn: string) {
	const rules: Part['rules'] = {};
	for (const p of parts)
		for (const [id, r] of Object.entries(p.rules))
			rules[id] = { tags: r.tags, applicable: r.applicable || (rules[id]?.applicable ?? false) };
	const violations = parts.flatMap((p) => p.violations.map((v) => ({ ...v, role: p.role, locale: p.locale })));
	const criteria: Record<string, { rules: number; applicable: boolean; violations: number }> = {};
	for (const [id, r] of Object.entries(rules))
		for (const sc of r.tags.map(criterionOf).filter((x): x is string => x !== null)) {
			const c = (criteria[sc] ??= { rules: 0, applicable: false, violations: 0 });
			c.rules++;
			c.applicable ||= r.applicable;
			c.violations += violations.filter((v) => v.rule === id).length;
		}
	return {
		testedOn,
		tools,
		tags: WCAG_TAGS,
		locales: [...new Set(parts.map((p) => p.locale))],
		roles: parts.length,
		pages: new Set(parts.flatMap((p) => p.pages.map((x) => x.split(' ')[0].split('?')[0]))).size,
		scans: parts.reduce((n, p) => n + p.pages.length, 0),
		rulesChecked: Object.keys(rules).length,
		violations: violations.length,
		violationsByRule: Object.fromEntries(
			[...new Set(violations.map((v) => v.rule))].map((id) => [id, violations.filter((v) => v.rule === id).length])
		),
		needsReview: parts.reduce((n, p) => n + p.incomplete, 0),
		criteria
	};
}
