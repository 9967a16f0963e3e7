import { readFileSync } from 'node:fs';
import { ACCOUNTS, attemptSignIn, expect, PASSWORD, test } from './fixtures';
import { answerQuiz } from './quiz-helpers';
import { formatWareki, toJstDate } from '../../src/lib/domain/japanese-date';

/** The English catalog as shipped: the test reads the wording from it rather than repeating it. */
const en: Record<string, string> = JSON.parse(readFileSync('messages/en.json', 'utf8'));
const ja: Record<string, string> = JSON.parse(readFileSync('messages/ja.json', 'utf8'));
const t = (cat: Record<string, string>, key: string, params: Record<string, string | number> = {}) =>
	cat[key].replace(/\{(\w+)\}/g, (_, p) => String(params[p]));

const SLUG = 'digital-divide';

test('an employee switches to English, does a module and its quiz in English, and the choice follows them to another browser', async ({ page, browser, baseURL }) => {
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
	await page.getByRole('navigation', { name: en.nav_label }).getByRole('link', { name: en.nav_learn }).click();
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
	const offsite = await page.request.post('/language', { form: { locale: 'en', next: '//evil.example/' }, headers: { origin, accept: 'text/html' }, maxRedirects: 0 });
	expect(offsite.status()).toBe(303);
	expect(offsite.headers()['location']).toBe('/');
	const unknown = await page.request.post('/language', { form: { locale: 'de', next: '/login' }, headers: { origin, accept: 'text/html' }, maxRedirects: 0 });
	expect(unknown.status()).toBe(400);
	expect(await unknown.text()).toContain(en.language_invalid);
	await page.request.post('/language', { form: { locale: 'ja', next: '/login' }, headers: { origin, accept: 'text/html' }, maxRedirects: 0 });
});

test('the language page lets a person choose without the header switch, and shows the current choice', async ({ page }) => {
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
