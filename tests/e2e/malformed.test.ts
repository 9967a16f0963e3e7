import type { APIRequestContext } from '@playwright/test';
import { ROLES } from './access-dsl.ts';
import { dbState } from './db-state.ts';
import { ACCOUNTS, ORIGIN, expect, signIn, test } from './fixtures.ts';
import { FORM_FIELDS, QUERY_FIELDS } from './form-fields.ts';
import { judge } from './malformed-check.ts';
import { formPayloads, PATH_VALUES, queryPayloads } from './malformed-payloads.ts';
import { cellsFor, firstAllowed, ownAttempt, type Allowed, type Cell } from './matrix-cells.ts';
import { setUpWorld, type World } from './matrix-world.ts';
import { discoverRoutes, pathOf } from './route-tree.ts';

/**
 * Issue #8's malformed-input sweep: every form action, page and endpoint of src/routes, as a
 * role the rules allow to use it, fed malformed input. Each answer is a 4xx with a Japanese
 * message (never a 5xx), and the database is unchanged afterwards.
 */
const entries = discoverRoutes();
const totals = { targets: 0, inputs: 0, failures: 0 };
type Choice = Allowed & { mayRedirect: boolean };

const choices: Choice[] = entries.flatMap((e) => {
	const allowed = firstAllowed(e);
	return allowed ? [{ ...allowed, mayRedirect: allowed.expected.status >= 300 && allowed.expected.status < 400 }] : [];
});
let world: World;

test.beforeAll(async () => {
	world = await setUpWorld();
});

test.afterAll(() => {
	console.log(
		`[malformed] ${totals.targets} actions, pages and endpoints: ${totals.inputs} malformed inputs, ${totals.failures} failures`
	);
});

/**
 * Pages whose only input is their path and whose object only the viewer's own pass creates (a
 * 修了証 is issued on first open): every cell is the explained 404 the matrix checks.
 */
const PATH_ONLY = new Set([
	'GET /(app)/certificates/module/[slug=slug]/[fy=year]',
	'GET /(app)/certificates/curriculum/[curriculumId=id]/[fy=year]'
]);

test('every action, page and endpoint has a role that may use it', async () => {
	expect(entries.filter((e) => !PATH_ONLY.has(e.key) && !choices.some((c) => c.entry === e)).map((e) => e.key)).toEqual(
		[]
	);
});

async function sweepAction(request: APIRequestContext, cell: Cell, choice: Choice, own: string | null) {
	const fields = FORM_FIELDS[cell.entry.key] ?? { text: [] };
	const quizPage = fields.answers && own ? await (await request.get(cell.url.replace(/\?\/\w+$/, ''))).text() : '';
	const answers = [...new Set([...quizPage.matchAll(/name="(q:[^"]+)"/g)].map((m) => m[1]))];
	const problems: string[] = [];
	const payloads = formPayloads(fields, answers);
	for (const p of payloads) {
		// a fresh connection each: after answering without reading a large body the server closes the one it came on
		const headers = { origin: ORIGIN, accept: 'application/json', 'content-type': p.contentType, connection: 'close' };
		const res = await request.fetch(cell.url, { method: 'POST', maxRedirects: 0, headers, data: p.body });
		const problem = await judge(res, { mayRedirect: choice.mayRedirect, mayIgnore: false });
		if (problem) problems.push(`${cell.entry.key} (${p.label}): ${problem}`);
	}
	return { problems, inputs: payloads.length };
}

async function sweepGet(request: APIRequestContext, cell: Cell, choice: Choice) {
	const accept = cell.entry.kind === 'endpoint' ? 'application/json' : 'text/html';
	const [path, fixed] = cell.url.split('?');
	const urls = queryPayloads(QUERY_FIELDS[cell.entry.key] ?? ['x']).map((q) => ({
		label: q.label,
		url: `${path}?${fixed ? `${fixed}&` : ''}${q.query}`
	}));
	for (const param of cell.entry.params)
		for (const v of PATH_VALUES)
			urls.push({
				label: `[${param}] ${v.label}`,
				url: pathOf(cell.entry.routeId, { ...cell.params, [param]: v.raw }, (s) =>
					s === v.raw ? s : encodeURIComponent(s)
				)
			});
	const problems: string[] = [];
	for (const { label, url } of urls) {
		const res = await request.get(url, { maxRedirects: 0, headers: { accept } });
		const problem = await judge(res, { mayRedirect: choice.mayRedirect, mayIgnore: true });
		if (problem) problems.push(`${cell.entry.key} (${label}): ${problem}`);
		await res.dispose();
	}
	return { problems, inputs: urls.length };
}

// a role only where it is the first the rules allow for something (executives only read what others also may)
for (const role of ROLES.filter((r) => choices.some((c) => c.role === r))) {
	test(`malformed input: ${role}`, async ({ page }) => {
		// HR's sweep is the longest (every HR form, plus the job pages and endpoints): more than the default 30 s on a busy machine
		test.setTimeout(90_000);
		const mine = choices.filter((c) => c.role === role);
		if (role !== 'anon') await signIn(page, ACCOUNTS[role]);
		const own = role === 'anon' ? null : await ownAttempt(page.request);
		const before = await dbState();
		const problems: string[] = [];
		let inputs = 0;
		for (const choice of mine) {
			const cell = cellsFor([choice.entry], role, world, own).find((c) => c.variant === choice.variant)!;
			const result =
				choice.entry.method === 'POST'
					? await sweepAction(page.request, cell, choice, own)
					: await sweepGet(page.request, cell, choice);
			problems.push(...result.problems);
			inputs += result.inputs;
		}
		const after = await dbState();
		Object.assign(totals, {
			targets: totals.targets + mine.length,
			inputs: totals.inputs + inputs,
			failures: totals.failures + problems.length
		});
		console.log(
			`[malformed] ${role}: ${mine.length} actions, pages and endpoints, ${inputs} malformed inputs, ${problems.length} failures`
		);
		expect(problems, 'malformed inputs answered wrongly').toEqual([]);
		expect(after, 'what the malformed inputs stored (they must store nothing)').toEqual(before);
	});
}
