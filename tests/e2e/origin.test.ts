import { ROLES } from './access-dsl.ts';
import { dbState } from './db-state.ts';
import { ACCOUNTS, ORIGIN, PASSWORD, expect, signIn, test } from './fixtures.ts';
import { cellsFor, firstAllowed, ownAttempt, type Allowed } from './matrix-cells.ts';
import { setUpWorld, type World } from './matrix-world.ts';
import { discoverRoutes } from './route-tree.ts';

/**
 * Issue #8's cross-site checks. Every route (each form action, and every page and endpoint
 * too) gets POSTs from another origin in each content type a page elsewhere could send, as a
 * role that may use it; each is refused with 403 and nothing is stored. Then the cookies.
 */
const EVIL = 'http://evil.example';
const entries = discoverRoutes();
const totals = { targets: 0, requests: 0, failures: 0 };
const targets: Allowed[] = entries.flatMap((e) => firstAllowed(e) ?? []);
let world: World;

/** A real sign-in for the login form: if the origin check failed, it would sign in (not count as a failure). */
const FORMS: Record<string, Record<string, string>> = {
	'POST /login': { employeeNo: ACCOUNTS.employee, password: PASSWORD }
};

type Attempt = { label: string; headers: Record<string, string>; data?: string; multipart?: Record<string, string> };

function crossSite(form: Record<string, string>): Attempt[] {
	const encoded = new URLSearchParams(form).toString();
	const urlencoded = { 'content-type': 'application/x-www-form-urlencoded' };
	return [
		{ label: 'form-urlencoded from another site', headers: { origin: EVIL, ...urlencoded }, data: encoded },
		{ label: 'multipart from another site', headers: { origin: EVIL }, multipart: form },
		{ label: 'text/plain from another site', headers: { origin: EVIL, 'content-type': 'text/plain' }, data: encoded },
		{
			label: 'JSON from another site',
			headers: { origin: EVIL, 'content-type': 'application/json' },
			data: JSON.stringify(form)
		},
		{ label: 'form without an Origin header', headers: urlencoded, data: encoded },
		{ label: 'form from an opaque origin ("null")', headers: { origin: 'null', ...urlencoded }, data: encoded },
		{
			label: 'form from the same host on another port',
			headers: { origin: 'http://localhost:1', ...urlencoded },
			data: encoded
		}
	];
}

test.beforeAll(async () => {
	world = await setUpWorld();
});

test.afterAll(() => {
	console.log(
		`[cross-site] ${totals.targets} routes: ${totals.requests} cross-site requests, ${totals.failures} not refused`
	);
});

// a role only where it is the first the rules allow for some route
for (const role of ROLES.filter((r) => targets.some((t) => t.role === r))) {
	test(`cross-site POSTs are refused: ${role}`, async ({ page }) => {
		const mine = targets.filter((t) => t.role === role);
		if (role !== 'anon') await signIn(page, ACCOUNTS[role]);
		const own = role === 'anon' ? null : await ownAttempt(page.request);
		const before = await dbState();
		const accepted: string[] = [];
		let requests = 0;
		for (const t of mine) {
			const cell = cellsFor([t.entry], role, world, own).find((c) => c.variant === t.variant)!;
			for (const a of crossSite(FORMS[t.entry.key] ?? cell.form ?? { x: '1' })) {
				const res = await page.request.post(cell.url, {
					maxRedirects: 0,
					headers: { accept: 'text/html', ...a.headers },
					data: a.data,
					multipart: a.multipart
				});
				requests++;
				if (res.status() !== 403 || res.headers()['set-cookie'])
					accepted.push(`${t.entry.key} (${a.label}): ${res.status()}`);
				await res.dispose();
			}
		}
		const after = await dbState();
		Object.assign(totals, {
			targets: totals.targets + mine.length,
			requests: totals.requests + requests,
			failures: totals.failures + accepted.length
		});
		console.log(`[cross-site] ${role}: ${mine.length} routes, ${requests} requests, ${accepted.length} not refused`);
		expect(accepted, 'cross-site requests not refused with 403').toEqual([]);
		expect(after, 'what cross-site requests stored').toEqual(before);
	});
}

/** Paraglide's language preference: written by browser code (so not HttpOnly), holds no secret. */
const SCRIPT_READABLE = ['PARAGLIDE_LOCALE'];

test('the session cookie is HttpOnly and SameSite=Lax, and only the language preference is readable by scripts', async ({
	page
}) => {
	const setCookies: string[] = [];
	page.on('response', async (r) => {
		const v = await r.headerValue('set-cookie').catch(() => null);
		if (v) setCookies.push(...v.split('\n'));
	});
	await signIn(page, ACCOUNTS.employee);
	for (const path of ['/mypage', '/learn', '/history']) await page.goto(path);

	const session = setCookies.find((c) => c.startsWith('manabi_session=') && !/Max-Age=0/i.test(c));
	expect(session, 'the session cookie as the server sets it').toBeDefined();
	expect(session).toMatch(/;\s*HttpOnly/i);
	expect(session).toMatch(/;\s*SameSite=Lax/i);
	expect(session).toMatch(/;\s*Path=\//);
	// the e2e server is plain http; that https makes it Secure is in src/lib/server/auth/cookie.test.ts
	expect(session, 'Secure over plain http').not.toMatch(/;\s*Secure/i);
	for (const c of setCookies)
		expect(c, 'every cookie the server sets').toMatch(
			/;\s*HttpOnly.*;\s*SameSite=(Lax|Strict)|;\s*SameSite=(Lax|Strict).*;\s*HttpOnly/i
		);

	const held = await page.context().cookies(ORIGIN);
	expect(held.find((c) => c.name === 'manabi_session')).toMatchObject({
		httpOnly: true,
		sameSite: 'Lax',
		secure: false,
		path: '/'
	});
	expect(
		held.filter((c) => !c.httpOnly && !SCRIPT_READABLE.includes(c.name)).map((c) => c.name),
		'cookies scripts can read'
	).toEqual([]);
});
