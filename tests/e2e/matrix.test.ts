import { ROLES } from './access-dsl.ts';
import { RULES } from './access-rules.ts';
import { dbState } from './db-state.ts';
import { ACCOUNTS, expect, signIn, test } from './fixtures.ts';
import { cellsFor, compare, kindOf, ownAttempt, sendCell } from './matrix-cells.ts';
import { setUpWorld, type World } from './matrix-world.ts';
import { discoverRoutes } from './route-tree.ts';

/**
 * Issue #8's authorization matrix: every role × every page, action and endpoint of
 * src/routes × the objects it can point at (own, another person's, another 課's, another
 * organisation's), against the rules in access-rules.ts.
 */
const entries = discoverRoutes();
const totals = { cells: 0, requests: 0, failures: 0 };
let world: World;

test.beforeAll(async () => {
	world = await setUpWorld();
});

test.afterAll(() => {
	console.log(
		`[matrix] ${entries.length} routes/actions/endpoints × ${ROLES.length} roles: ${totals.cells} cells, ${totals.requests} requests, ${totals.failures} failures`
	);
});

test('every route, action and endpoint has an access rule, and every rule a route', async () => {
	const keys = entries.map((e) => e.key);
	expect(
		keys.filter((k) => !(k in RULES)),
		'routes without a line in tests/e2e/access-rules.ts'
	).toEqual([]);
	expect(
		Object.keys(RULES).filter((k) => !keys.includes(k)),
		'rules for routes that no longer exist'
	).toEqual([]);
	// every route parameter has objects to point at
	expect(() => entries.map(kindOf)).not.toThrow();
});

for (const role of ROLES) {
	test(`access matrix: ${role}`, async ({ page }) => {
		if (role !== 'anon') await signIn(page, ACCOUNTS[role]);
		const own = role === 'anon' ? null : await ownAttempt(page.request);
		const cells = cellsFor(entries, role, world, own);
		const before = await dbState();
		const failures: string[] = [];
		for (const cell of cells) {
			const res = await sendCell(page.request, cell);
			const problem = await compare(cell, res);
			if (problem) failures.push(problem);
			await res.dispose();
		}
		const after = await dbState();
		const requests = cells.length + (own ? 1 : 0);
		Object.assign(totals, {
			cells: totals.cells + cells.length,
			requests: totals.requests + requests,
			failures: totals.failures + failures.length
		});
		console.log(`[matrix] ${role}: ${cells.length} cells, ${requests} requests, ${failures.length} failures`);
		expect(failures, `cells that differ from the rules (${cells.length} checked)`).toEqual([]);
		expect(after, 'what the matrix stored (it must store nothing)').toEqual(before);
	});
}
