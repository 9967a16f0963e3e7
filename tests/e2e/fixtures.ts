import { test as base, expect, type Cookie, type Page } from '@playwright/test';
import { generateHOTP } from '@oslojs/otp';
import { DEMO_TOTP_KEY } from '../../src/lib/server/demo/municipality.ts';
import { stepAt } from '../../src/lib/domain/two-factor.ts';

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
				if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) offsite.push(url);
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
	// also for pages of a context a test opens itself, whose goto does not wait for hydration:
	// hydration would clear the typed number and the browser would refuse to send the form
	await page.locator('body[data-hydrated]').waitFor({ state: 'attached' });
	await page.getByLabel('職員番号').fill(employeeNo);
	await page.getByLabel('パスワード', { exact: true }).fill(password);
	const answered = page.waitForResponse((r) => r.request().method() === 'POST');
	await page.getByRole('button', { name: 'ログイン' }).click();
	await answered;
}

/** The demo's HR and admin accounts have the demo's authenticator key registered. */
export const TWO_FACTOR_ACCOUNTS: string[] = [ACCOUNTS.admin, ACCOUNTS.hr];

/** The code an authenticator app shows for the demo key at a time step. */
export const demoCode = (step: number) => generateHOTP(DEMO_TOTP_KEY, BigInt(step), 6);

const usedStep = new Map<string, number>();

/** The code last entered for an account by these tests (to show it cannot be used twice). */
export const lastDemoCode = (employeeNo: string) => demoCode(usedStep.get(employeeNo) ?? 0);
const sessions = new Map<string, Cookie>();

/**
 * Enters a code from the demo key. Each time step's code works once per account, so a second
 * sign-in within the same 30 seconds waits for the next code, as a person would.
 */
export async function enterDemoCode(page: Page, employeeNo: string) {
	for (let tries = 0; tries < 4; tries++) {
		// the server takes the codes of the previous, current and next step, each once
		const now = stepAt(Date.now());
		const step = Math.max(now - 1, (usedStep.get(employeeNo) ?? 0) + 1);
		if (step > now + 1) {
			test.info().setTimeout(test.info().timeout + 30_000);
			await page.waitForTimeout((step - 1) * 30_000 - Date.now() + 50);
		}
		usedStep.set(employeeNo, step);
		await page.getByLabel('確認コード').fill(demoCode(step));
		const answered = page.waitForResponse((r) => r.request().method() === 'POST');
		await page.getByRole('button', { name: '確認する' }).click();
		// the enhanced form gets {type: 'redirect'} when the code was accepted, 'failure' if not; on a
		// redirect the page loads the next page in full at once, which can take the body away first
		const type = await (await answered).json().then(
			(r: { type: string }) => r.type,
			() => 'redirect'
		);
		if (type === 'redirect') {
			await page.waitForURL((url) => url.pathname !== '/login/two-factor');
			return;
		}
	}
	throw new Error(`the demo code was refused for ${employeeNo}`);
}

/**
 * Signs in and waits until the app has left the login page. For the accounts with a second
 * factor, a session still valid from an earlier test is reused (re-entering a code would wait for
 * the next 30-second step); the sign-in and second-factor flows have tests of their own.
 */
export async function signIn(page: Page, employeeNo: string, password = PASSWORD) {
	const saved = sessions.get(employeeNo);
	if (saved) {
		await page.context().addCookies([saved]);
		await page.goto('/');
		if (!new URL(page.url()).pathname.startsWith('/login')) return;
		sessions.delete(employeeNo);
	}
	await attemptSignIn(page, employeeNo, password);
	await page.waitForURL((url) => url.pathname !== '/login', { waitUntil: 'commit' });
	if (new URL(page.url()).pathname !== '/login/two-factor') return;
	await page.locator('body[data-hydrated]').waitFor({ state: 'attached' });
	await enterDemoCode(page, employeeNo);
	const cookie = (await page.context().cookies()).find((c) => c.name === 'manabi_session');
	if (cookie) sessions.set(employeeNo, cookie);
}

export async function signOut(page: Page) {
	await page.getByRole('button', { name: 'ログアウト' }).click();
	await expect(page).toHaveURL(/\/login$/);
}
