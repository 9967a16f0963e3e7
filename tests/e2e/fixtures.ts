import { test as base, expect, type Page } from '@playwright/test';

/** The app's own origin (see playwright.config.ts): the Origin header of a same-site POST. */
export const ORIGIN = `http://localhost:${Number(process.env.E2E_PORT) || 4173}`;

export const PASSWORD = 'mirai-demo-2026';
export const ACCOUNTS = {
	admin: '000001',
	hr: '000002',
	manager: '000003',
	employee: '000004',
	executive: '000005',
	newHire: '000006'
} as const;

/** Demo unit ids are deterministic: org-mirai-u<所属コード>. */
export const UNITS = { shimin: 'org-mirai-u210', zeimu: 'org-mirai-u220', jinji: 'org-mirai-u120' };

/**
 * Every test fails if the page asks any host other than the app's own origin: the product
 * runs on closed networks. Browser errors in the console fail it too.
 */
export const test = base.extend<{ offsite: string[]; consoleErrors: string[] }>({
	/** Every navigation waits until the page is hydrated, so typed input is not reset by it. */
	page: async ({ page }, use) => {
		const goto = page.goto.bind(page);
		page.goto = async (url, options) => {
			const response = await goto(url, options);
			await page.locator('body[data-hydrated]').waitFor({ state: 'attached' });
			return response;
		};
		await use(page);
	},
	offsite: [
		async ({ page, baseURL }, use) => {
			const origin = new URL(baseURL!).origin;
			const offsite: string[] = [];
			page.on('request', (req) => {
				const url = req.url();
				if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
					offsite.push(url);
			});
			await use(offsite);
			expect(offsite, 'requests to other hosts').toEqual([]);
		},
		{ auto: true }
	],
	consoleErrors: [
		async ({ page }, use) => {
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(e.message));
			page.on('console', (msg) => {
				// failed resource loads for deliberate 4xx responses are not page errors
				if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(msg.text());
			});
			await use(errors);
			expect(errors, 'browser console errors').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/** Fills in and sends the login form, then waits for the answer (a new page or a message). */
export async function attemptSignIn(page: Page, employeeNo: string, password: string) {
	await page.goto('/login');
	await page.getByLabel('職員番号').fill(employeeNo);
	await page.getByLabel('パスワード', { exact: true }).fill(password);
	const answered = page.waitForResponse((r) => r.request().method() === 'POST');
	await page.getByRole('button', { name: 'ログイン' }).click();
	await answered;
}

/** Signs in and waits until the app has left the login page. */
export async function signIn(page: Page, employeeNo: string, password = PASSWORD) {
	await attemptSignIn(page, employeeNo, password);
	await page.waitForURL((url) => url.pathname !== '/login', { waitUntil: 'commit' });
}

export async function signOut(page: Page) {
	await page.getByRole('button', { name: 'ログアウト' }).click();
	await expect(page).toHaveURL(/\/login$/);
}
