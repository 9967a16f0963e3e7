import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ACCOUNTS, attemptSignIn, enterDemoCode, expect, signIn, test } from './fixtures.ts';
import { LOCALES, PLAN, REDIRECT_ONLY, SCANNED_ELSEWHERE, pageRoutes, type RoleName } from './a11y-pages.ts';
import { describe, loadParts, newPart, savePart, scan, summarise, type Part } from './a11y-scan.ts';

/** The published results; read before this run rewrites them, so the page can be compared with its build. */
export const RESULTS_FILE = 'src/lib/accessibility/results.json';
const built = JSON.parse(readFileSync(RESULTS_FILE, 'utf8'));

const ROLES = Object.keys(PLAN) as RoleName[];
/** Pages already scanned in the second locale (the tests of this file run in order, in one worker). */
const scannedIn = new Set<string>();

/** The wording of the locale under test, from the shipped catalogs. */
const CATALOGS: Record<string, Record<string, string>> = {
	ja: JSON.parse(readFileSync('messages/ja.json', 'utf8')),
	en: JSON.parse(readFileSync('messages/en.json', 'utf8'))
};

async function withoutBrowserValidation(page: Page, form = 'main form') {
	await page
		.locator(form)
		.first()
		.evaluate((f) => ((f as HTMLFormElement).noValidate = true));
}

/** Signs in; for HR the second-factor page is scanned on the way. */
async function enter(page: Page, role: RoleName, part: Part) {
	if (role !== 'hr') return signIn(page, ACCOUNTS[role as keyof typeof ACCOUNTS]);
	await attemptSignIn(page, ACCOUNTS.hr, 'mirai-demo-2026');
	await page.waitForURL(/\/login\/two-factor/);
	await page.locator('body[data-hydrated]').waitFor({ state: 'attached' });
	await scan(page, part, '/login/two-factor', '/login/two-factor');
	await enterDemoCode(page, ACCOUNTS.hr);
}

/** Extra states: form errors, an open quiz and its result. */
async function states(page: Page, role: RoleName, part: Part, locale: string) {
	const t = CATALOGS[locale];
	if (role === 'signedOut') {
		await page.goto('/login');
		await page.getByLabel(t.login_employee_no).fill('あいう');
		await page.getByLabel(t.login_password, { exact: true }).fill('x');
		await page.getByRole('button', { name: t.login_submit }).click();
		await expect(page.getByRole('alert')).not.toBeEmpty();
		await scan(page, part, '/login (error)');
	}
	if (role === 'employee') {
		await page.goto('/account/password');
		await withoutBrowserValidation(page);
		await page.getByRole('button', { name: t.password_submit }).click();
		await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
		await scan(page, part, '/account/password (error)');

		await page.goto('/learn/standardization?s=99');
		await page.getByRole('button', { name: t.lesson_start_quiz }).click();
		await expect(page.locator('fieldset.question').first()).toBeVisible();
		await scan(page, part, '/learn/[slug]/quiz/[id] (open)', '/(app)/learn/[slug=slug]/quiz/[attemptId=id]');
		page.once('dialog', (d) => d.accept());
		await page.getByRole('button', { name: t.quiz_submit }).click();
		await expect(page.getByRole('heading', { name: t.quiz_failed })).toBeVisible();
		await scan(page, part, '/learn/[slug]/quiz/[id] (result)');
	}
	if (role === 'hr') {
		await page.goto('/hr/curricula/new');
		await withoutBrowserValidation(page);
		await page.getByRole('button', { name: t.curriculum_save }).click();
		await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
		await scan(page, part, '/hr/curricula/new (error)');
	}
	if (role === 'executive') await chartsHaveTables(page);
}

/** Every chart is an image with a text alternative that names a table on the page with the same numbers. */
async function chartsHaveTables(page: Page) {
	await page.goto('/dashboard');
	const canvases = await page.locator('canvas').count();
	expect(canvases).toBeGreaterThanOrEqual(2);
	const charts = page.locator('[role="img"]:has(> canvas)');
	await expect(charts).toHaveCount(canvases);
	for (const chart of await charts.all()) {
		const alt = (await chart.getAttribute('aria-label')) ?? '';
		const table = /[「"](.+)[」"]/.exec(alt)?.[1];
		expect(table, `text alternative of a chart: ${alt}`).toBeTruthy();
		await expect(page.getByRole('table', { name: table, exact: true }).first()).toBeVisible();
	}
}

test('the sweep would see a violation: an image without a text alternative is reported', async ({ page }) => {
	await page.goto('/login');
	await page.evaluate(() =>
		document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: '/favicon.svg' }))
	);
	const part = newPart('control', 'ja');
	await scan(page, part, '/login (control)');
	expect(part.violations.map((v) => v.rule)).toContain('image-alt');
});

for (const locale of LOCALES)
	for (const role of ROLES)
		test(`axe finds no WCAG 2.1 A/AA violation: ${role} (${locale})`, async ({ page, context, baseURL }) => {
			test.setTimeout(180_000);
			const part = newPart(role, locale);
			// signing in is in Japanese (the fixtures' wording); every page scanned after it is in the locale under test
			if (role !== 'signedOut') await enter(page, role, part);
			await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
			for (const visit of await PLAN[role](page)) {
				// every role is swept in Japanese; in English each page is scanned once, by the first role
				// that opens it (the roles change the menu, not the page), to keep CI within its time
				const key = `${visit.route} ${visit.path}`;
				if (locale !== LOCALES[0]) {
					if (scannedIn.has(key)) continue;
					scannedIn.add(key);
				}
				const res = await page.goto(visit.path);
				expect(res?.status(), visit.path).toBe(visit.status ?? 200);
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
				await scan(page, part, visit.path, visit.route);
			}
			await states(page, role, part, locale);
			savePart(part);
			expect(part.violations, `axe violations for ${role} (${locale}):\n${describe(part.violations)}`).toEqual([]);
		});

test('the sweep covered every page route, and its results are recorded for the accessibility page', async ({
	browser
}) => {
	const parts = loadParts();
	expect(parts.map((p) => `${p.role}-${p.locale}`).sort()).toEqual(
		LOCALES.flatMap((l) => ROLES.map((r) => `${r}-${l}`)).sort()
	);
	const covered = new Set(parts.flatMap((p) => p.routes));
	const missing = pageRoutes().filter((r) => !covered.has(r) && !REDIRECT_ONLY.includes(r));
	expect(missing, 'page routes no role scanned').toEqual([]);
	for (const r of SCANNED_ELSEWHERE) expect(covered.has(r), r).toBe(true);

	const pkg = (name: string) => JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version;
	const tools = {
		'axe-core': pkg('axe-core'),
		'@axe-core/playwright': pkg('@axe-core/playwright'),
		'@playwright/test': pkg('@playwright/test'),
		chromium: browser.version()
	};
	const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
	const summary = summarise(parts, tools, today);
	writeFileSync(RESULTS_FILE, JSON.stringify(summary, null, '\t') + '\n');
	console.log(
		`a11y: ${summary.pages} pages × ${summary.roles} roles/locales = ${summary.scans} scans, ${summary.rulesChecked} axe rules checked, ${summary.violations} violations`
	);
	expect(summary.violations).toBe(0);
});

test('the accessibility page shows the recorded results it was built with', async ({ page }) => {
	await page.goto('/accessibility');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('アクセシビリティ試験結果');
	const figures = page.getByRole('table', { name: '自動検査の結果' });
	if (built.testedOn === undefined)
		await expect(page.getByText('まだ自動検査の結果が記録されていません。')).toBeVisible();
	else {
		await expect(figures.getByRole('row', { name: /検査したページ/ })).toContainText(`${built.pages}ページ`);
		await expect(figures.getByRole('row', { name: /違反の件数/ })).toContainText(`${built.violations}件`);
		await expect(figures.getByRole('row', { name: /：axe-core / })).toContainText(built.tools['axe-core']);
	}
	await expect(page.getByRole('table', { name: /達成基準チェックリスト/ }).getByRole('row')).toHaveCount(39);
});
