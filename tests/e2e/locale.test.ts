import { readFileSync } from 'node:fs';
import { ACCOUNTS, attemptSignIn, expect, PASSWORD, signIn, test } from './fixtures.ts';
import { answerQuiz } from './quiz-helpers.ts';
import { formatWareki, toJstDate } from '../../src/lib/domain/japanese-date.ts';

/** The English catalog as shipped: the test reads the wording from it rather than repeating it. */
const en: Record<string, string> = JSON.parse(readFileSync('messages/en.json', 'utf8'));
const ja: Record<string, string> = JSON.parse(readFileSync('messages/ja.json', 'utf8'));

const SLUG = 'digital-divide';

test('an employee switches to English, does a module and its quiz in English, and the choice follows them to another browser', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(90_000);
	await page.goto('/login');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.login_title);

	// signing in keeps the language chosen on the login page
	await page.getByLabel(en.login_employee_no).fill(ACCOUNTS.employee);
	await page.getByLabel(en.login_password, { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: en.login_submit }).click();
	await expect(page).toHaveURL(/\/mypage$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.mypage_title);

	// switching while signed in stores the choice for the person
	await page.getByRole('button', { name: '日本語' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ja.mypage_title);
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page).toHaveURL(/\/mypage$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');

	// the module itself stays Japanese; the frame around it and the quiz speak English
	await page
		.getByRole('navigation', { name: en.nav_label })
		.getByRole('link', { name: en.nav_learn, exact: true })
		.click();
	await page.goto(`/learn/${SLUG}?s=99`);
	await page.getByRole('button', { name: en.lesson_start_quiz }).click();
	await answerQuiz(page, SLUG, 'right');
	await page.getByRole('button', { name: en.quiz_submit }).click();
	await expect(page.getByRole('heading', { name: en.quiz_passed, exact: true })).toBeVisible();
	await page.goto('/history');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.history_title);
	await expect(page.getByRole('main')).toContainText(formatWareki(toJstDate(new Date()), 'en'));

	// another browser with no cookie: after signing in, the person's own choice applies
	const other = await browser.newContext({ baseURL });
	const second = await other.newPage();
	await attemptSignIn(second, ACCOUNTS.employee, PASSWORD);
	await expect(second).toHaveURL(/\/mypage$/);
	await expect(second.locator('html')).toHaveAttribute('lang', 'en');
	await expect(second.getByRole('heading', { level: 1 })).toHaveText(en.mypage_title);
	expect((await other.cookies()).find((c) => c.name === 'PARAGLIDE_LOCALE')?.value).toBe('en');

	// back to Japanese, which later tests of this account expect
	await second.getByRole('button', { name: '日本語' }).click();
	await expect(second.locator('html')).toHaveAttribute('lang', 'ja');
	await other.close();
});

test('the switch goes back only to a page of this site and refuses an unknown language', async ({ page, baseURL }) => {
	await page.goto('/login');
	const origin = new URL(baseURL!).origin;
	const offsite = await page.request.post('/language', {
		form: { locale: 'en', next: '//evil.example/' },
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(offsite.status()).toBe(303);
	expect(offsite.headers()['location']).toBe('/');
	const unknown = await page.request.post('/language', {
		form: { locale: 'de', next: '/login' },
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(unknown.status()).toBe(400);
	expect(await unknown.text()).toContain(en.language_invalid);
	await page.request.post('/language', {
		form: { locale: 'ja', next: '/login' },
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
});

test('the language page lets a person choose without the header switch, and shows the current choice', async ({
	page
}) => {
	await page.goto('/language?next=/accessibility');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ja.language_switch_label);
	await page.getByRole('radio', { name: 'English' }).check();
	await page.getByRole('button', { name: ja.language_submit }).click();
	await expect(page).toHaveURL(/\/accessibility$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.goto('/language');
	await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
	await page.getByRole('radio', { name: '日本語' }).check();
	await page.getByRole('button', { name: en.language_submit }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
});

/**
 * Every Japanese text on an English page is data (names, units, module texts) and is marked
 * lang="ja", so a screen reader reads it with a Japanese voice (WCAG 3.1.2); Japanese text that is
 * not marked is a UI string the English catalog is missing. Both fail here, with the text named.
 */
async function unmarkedJapanese(page: import('@playwright/test').Page): Promise<string[]> {
	return page.evaluate(() => {
		const JP = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]/;
		const found: string[] = [];
		const inJapanese = (el: Element | null) => (el?.closest('[lang]')?.getAttribute('lang') ?? '').startsWith('ja');
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const text = n.textContent ?? '';
			const parent = n.parentElement;
			if (!JP.test(text) || !parent || parent.closest('script, style, [hidden], [aria-hidden="true"]')) continue;
			if (!inJapanese(parent)) found.push(text.trim().slice(0, 80));
		}
		for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]'))
			for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
				const v = el.getAttribute(attr);
				if (v && JP.test(v) && !inJapanese(el)) found.push(`${attr}="${v.slice(0, 80)}"`);
			}
		return found;
	});
}

/** Each page of `paths` in turn: its unmarked Japanese texts (those `allowed` lets through left out), by page. */
async function unmarkedOn(
	page: import('@playwright/test').Page,
	paths: readonly string[],
	allowed: (text: string) => boolean = () => false
) {
	const unmarked: Record<string, string[]> = {};
	for (const path of paths) {
		await page.goto(path);
		const found = (await unmarkedJapanese(page)).filter((text) => !allowed(text));
		if (found.length) unmarked[path] = found;
	}
	return unmarked;
}

/** Switches the signed-in page to English with the header's button. */
async function toEnglish(page: import('@playwright/test').Page) {
	await page.locator('body[data-hydrated]').waitFor({ state: 'attached' });
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

test('in English, an employee meets no untranslated screen text; Japanese data is marked as Japanese', async ({
	page
}) => {
	test.setTimeout(90_000);
	await attemptSignIn(page, ACCOUNTS.employee, PASSWORD);
	await expect(page).toHaveURL(/\/mypage$/);
	await toEnglish(page);
	await page.goto('/history');
	const certificate = await page.locator('a[href^="/certificates/"]').first().getAttribute('href');
	const paths = [
		'/mypage',
		'/learn',
		`/learn/${SLUG}`,
		`/learn/${SLUG}?s=99`,
		'/history',
		certificate!,
		'/account/password',
		'/account/two-factor',
		'/language',
		'/accessibility',
		'/learn/no-such-module'
	];
	const unmarked = await unmarkedOn(page, paths);
	// the quiz page, opened from the module's last page
	await page.goto(`/learn/${SLUG}?s=99`);
	await page.getByRole('button', { name: en.lesson_start_quiz }).click();
	await expect(page.getByRole('button', { name: en.quiz_submit })).toBeVisible();
	const quiz = await unmarkedJapanese(page);
	if (quiz.length) unmarked['quiz'] = quiz;
	expect(unmarked).toEqual({});
	await page.getByRole('button', { name: '日本語' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
});

test("in English, HR's dashboard and a 課長's 課 page have no untranslated text; names, units, modules and targets are marked as Japanese", async ({
	page
}) => {
	test.setTimeout(120_000);
	let unmarked: Record<string, string[]> = {};
	for (const [account, path] of [
		[ACCOUNTS.hr, '/dashboard'],
		[ACCOUNTS.manager, '/manager']
	] as const) {
		await signIn(page, account);
		await toEnglish(page);
		await page.goto(path);
		// the 課長's own 課 pages, linked from their page (or the one they are taken to)
		const units = await page
			.locator('a[href^="/manager/units/"]')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
		const pages = [...new Set([new URL(page.url()).pathname, ...units])];
		unmarked = { ...unmarked, ...(await unmarkedOn(page, pages)) };
		// the page is not empty: the data the check is about is there
		if (path === '/dashboard') await expect(page.locator('main [lang="ja"]').first()).toBeVisible();
		if (path === '/manager') expect(pages.some((p) => p.startsWith('/manager/units/'))).toBe(true);
		await page.getByRole('button', { name: '日本語' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
		await page.context().clearCookies();
	}
	expect(unmarked).toEqual({});
});

test('in English, the HR pages have no untranslated text; staff, units and training records are marked as Japanese', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, ACCOUNTS.hr);
	await toEnglish(page);
	// the CSV formats' header names are Japanese inside these English sentences (known: the
	// sentence is one message, so the names are not marked); only these exact texts are let through
	const known = new Set(
		['import_file_hint', 'training_upload_hint', 'units_file_hint'].map((k) => en[k].trim().slice(0, 80))
	);
	const paths = [
		'/hr',
		'/hr/people',
		'/hr/units',
		'/hr/curricula',
		'/hr/training',
		'/hr/import',
		'/hr/certificates',
		'/hr/passwords',
		'/hr/fiscal-year',
		'/jobs'
	];
	const unmarked = await unmarkedOn(page, paths, (text) => known.has(text));
	// the pages hold the data the check is about
	await page.goto('/hr/people');
	await expect(page.locator('main th[lang="ja"]').first()).toBeVisible();
	await page.getByRole('button', { name: '日本語' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
	expect(unmarked).toEqual({});
});
