import { ROLES } from './access-dsl.ts';
import { dbState } from './db-state.ts';
import { ACCOUNTS, expect, signIn, test } from './fixtures.ts';
import { cellsFor, describeCell, ownAttempt, type Cell } from './matrix-cells.ts';
import { setUpWorld, type World } from './matrix-world.ts';
import { discoverRoutes } from './route-tree.ts';
import { headerProblems } from './security-headers.ts';

/**
 * Issue #8's page sweep: every page of src/routes that a role may open is visited in the
 * browser as that role (the fixtures fail the test on any request to another host and on
 * console errors); its other objects, and the error pages it gets, are requested. Every answer
 * carries the security headers, and visiting stores nothing.
 */
const pages = discoverRoutes().filter((e) => e.kind === 'page');
const totals = { visited: 0, requested: 0, failures: 0 };
let world: World;

test.beforeAll(async () => {
	world = await setUpWorld();
});

test.afterAll(() => {
	console.log(
		`[pages] ${pages.length} pages × ${ROLES.length} roles: ${totals.visited} visited in the browser, ${totals.requested} more answers (other objects, error pages) requested, ${totals.failures} failures`
	);
});

/** The first object of each page a role may open, for the browser; the rest are only requested. */
function firstOpenPerPage(cells: Cell[]): Set<Cell> {
	const seen = new Set<string>();
	return new Set(cells.filter((c) => c.expected!.status === 200 && !seen.has(c.entry.key) && seen.add(c.entry.key)));
}

for (const role of ROLES) {
	test(`every page, its headers and its requests: ${role}`, async ({ page }) => {
		if (role !== 'anon') await signIn(page, ACCOUNTS[role]);
		const own = role === 'anon' ? null : await ownAttempt(page.request);
		const cells = cellsFor(pages, role, world, own).filter(
			(c) => c.expected && (c.expected.status === 200 || c.expected.status >= 400)
		);
		const inBrowser = firstOpenPerPage(cells);
		const before = await dbState();
		const problems: string[] = [];
		for (const cell of cells) {
			const res = inBrowser.has(cell)
				? await page.goto(cell.url)
				: await page.request.get(cell.url, { maxRedirects: 0, headers: { accept: 'text/html' } });
			if (!res) problems.push(`${describeCell(cell)}: no answer`);
			else if (res.status() !== cell.expected!.status)
				problems.push(`${describeCell(cell)}: ${res.status()} (the matrix expects ${cell.expected!.status})`);
			else
				problems.push(
					...headerProblems('allHeaders' in res ? await res.allHeaders() : res.headers(), role !== 'anon').map(
						(p) => `${describeCell(cell)}: ${p}`
					)
				);
		}
		const after = await dbState();
		Object.assign(totals, {
			visited: totals.visited + inBrowser.size,
			requested: totals.requested + cells.length - inBrowser.size,
			failures: totals.failures + problems.length
		});
		console.log(
			`[pages] ${role}: ${inBrowser.size} pages visited in the browser, ${cells.length - inBrowser.size} more answers requested, ${problems.length} failures`
		);
		expect(problems).toEqual([]);
		expect(after, 'what visiting the pages stored').toEqual(before);
	});
}
