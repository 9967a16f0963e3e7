import { ACCOUNTS, attemptSignIn, expect, signIn, signOut, test, ORIGIN } from './fixtures.ts';

const homes = [
	{
		who: 'employee',
		no: ACCOUNTS.employee,
		url: /\/mypage$/,
		heading: 'マイページ',
		nav: ['マイページ', '学習', '受講履歴'],
		notNav: ['人事・研修', 'システム管理', '所属の状況']
	},
	{
		who: 'manager',
		no: ACCOUNTS.manager,
		url: /\/manager\/units\/org-mirai-u210$/,
		heading: '市民課',
		nav: ['所属の状況', 'ダッシュボード'],
		notNav: ['人事・研修', 'システム管理']
	},
	{
		who: 'HR',
		no: ACCOUNTS.hr,
		url: /\/hr$/,
		heading: '人事・研修',
		nav: ['人事・研修', 'ダッシュボード'],
		notNav: ['システム管理', '所属の状況']
	},
	{
		who: 'admin',
		no: ACCOUNTS.admin,
		url: /\/admin$/,
		heading: 'システム管理',
		nav: ['システム管理', '人事・研修', 'ダッシュボード'],
		notNav: ['所属の状況']
	},
	{
		who: 'executive',
		no: ACCOUNTS.executive,
		url: /\/dashboard$/,
		heading: /^ダッシュボード 令和\d+年度/,
		nav: ['ダッシュボード'],
		notNav: ['人事・研修', 'システム管理']
	}
];

for (const h of homes) {
	test(`${h.who} lands on their own home with their own navigation`, async ({ page }) => {
		await signIn(page, h.no);
		await expect(page).toHaveURL(h.url);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(h.heading);
		const nav = page.getByRole('navigation', { name: 'メインメニュー' });
		for (const item of h.nav) await expect(nav.getByRole('link', { name: item, exact: true })).toBeVisible();
		for (const item of h.notNav) await expect(nav.getByRole('link', { name: item, exact: true })).toHaveCount(0);
		await signOut(page);
	});
}

test('the session cookie is HttpOnly and SameSite=Lax, and logout ends the session on the server', async ({
	page,
	context
}) => {
	await signIn(page, ACCOUNTS.employee);
	await expect(page).toHaveURL(/\/mypage$/);
	const cookie = (await context.cookies()).find((c) => c.name === 'manabi_session')!;
	expect(cookie.httpOnly).toBe(true);
	expect(cookie.sameSite).toBe('Lax');

	await signOut(page);
	// replaying the old token must not bring the session back
	await context.addCookies([{ ...cookie }]);
	await page.goto('/mypage');
	await expect(page).toHaveURL(/\/login\?next=%2Fmypage$/);
});

test('a wrong password shows a Japanese message and keeps the 職員番号', async ({ page }) => {
	await attemptSignIn(page, ACCOUNTS.newHire, 'wrong-password');
	await expect(page.getByRole('alert')).toHaveText('職員番号またはパスワードが正しくありません。');
	await expect(page.getByLabel('職員番号')).toHaveValue(ACCOUNTS.newHire);
});

test('repeated failures lock the account for a while, even with the right password', async ({ page }) => {
	const target = '001010';
	for (let i = 0; i < 5; i++) {
		await attemptSignIn(page, target, `wrong-${i}`);
		await expect(page.getByRole('alert')).toHaveText('職員番号またはパスワードが正しくありません。');
	}
	await attemptSignIn(page, target, 'mirai-demo-2026');
	await expect(page.getByRole('alert')).toContainText('一時的にログインできません');
	await expect(page).toHaveURL(/\/login/);
});

test('bad sign-in input gets a message or a clean redirect, never a server error', async ({ page, request }) => {
	for (const [employeeNo, password] of [
		['', ''],
		['1'.repeat(10_000), 'x'],
		['00\u0001\u0002', 'x'],
		['<script>', 'x']
	]) {
		const res = await request.post('/login', {
			form: { employeeNo, password },
			headers: { origin: ORIGIN },
			maxRedirects: 0
		});
		expect(res.status(), JSON.stringify(employeeNo.slice(0, 20))).toBeLessThan(500);
	}
	await page.context().addCookies([{ name: 'manabi_session', value: 'tampered-value', url: ORIGIN }]);
	const res = await page.goto('/mypage');
	expect(res?.status()).toBe(200);
	await expect(page).toHaveURL(/\/login\?next=/);
});

test('HR issues a one-time password and the person must change it at first sign-in', async ({ page }) => {
	await signIn(page, ACCOUNTS.hr);
	await page.goto('/hr/people?q=000006');
	await page.getByRole('link', { name: '千葉 悠斗' }).click();
	await page.getByRole('button', { name: '初期パスワードを発行' }).click();
	const initial = (await page.getByTestId('issued-password').textContent())!.trim();
	expect(initial).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
	await signOut(page);

	await signIn(page, ACCOUNTS.newHire, initial);
	await expect(page).toHaveURL(/\/account\/password$/);
	await expect(page.getByText('続けるには新しいパスワードを設定してください')).toBeVisible();
	// the rest of the app stays closed until the password is changed
	await page.goto('/mypage');
	await expect(page).toHaveURL(/\/account\/password$/);

	await page.getByLabel('今のパスワード').fill(initial);
	await page.getByLabel('新しいパスワード', { exact: true }).fill('short');
	await page.getByLabel('新しいパスワード（確認）').fill('short');
	await page.getByRole('button', { name: '変更する' }).click();
	await expect(page.getByText('パスワードは10文字以上にしてください。')).toBeVisible();

	await page.getByLabel('今のパスワード').fill(initial);
	await page.getByLabel('新しいパスワード', { exact: true }).fill('みらい市で働く春2026');
	await page.getByLabel('新しいパスワード（確認）').fill('みらい市で働く春2026');
	await page.getByRole('button', { name: '変更する' }).click();
	await expect(page.getByRole('status')).toContainText('パスワードを変更しました');
	await page.goto('/');
	await expect(page).toHaveURL(/\/mypage$/);
	await signOut(page);
	await signIn(page, ACCOUNTS.newHire, 'みらい市で働く春2026');
	await expect(page).toHaveURL(/\/mypage$/);
});
