import { ACCOUNTS, expect, signIn, signOut, test, UNITS, ORIGIN } from './fixtures.ts';

test('signed-out visitors are sent to the login page from every area', async ({ page }) => {
	for (const path of ['/mypage', '/hr', '/admin', '/manager', '/dashboard', `/manager/units/${UNITS.shimin}`]) {
		await page.goto(path);
		await expect(page).toHaveURL(/\/login\?next=/);
	}
});

test('an employee gets 403 for the HR, admin and manager areas and 404 for other people', async ({ page }) => {
	await signIn(page, ACCOUNTS.employee);
	await expect(page).toHaveURL(/\/mypage$/);
	for (const path of ['/hr', '/hr/people', '/admin', '/manager', '/dashboard']) {
		const res = await page.goto(path);
		expect(res?.status(), path).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('エラー');
	}
	const unit = await page.goto(`/manager/units/${UNITS.shimin}`);
	expect(unit?.status()).toBe(404);
});

test('a 課長 sees their own 課 and gets 404 for another 課', async ({ page }) => {
	await signIn(page, ACCOUNTS.manager);
	await expect(page).toHaveURL(new RegExp(`/manager/units/${UNITS.shimin}$`));
	const staff = page.getByRole('table', { name: /市民課の職員/ });
	await expect(staff.getByRole('link', { name: '小野 美咲' })).toBeVisible();
	await staff.getByRole('link', { name: '小野 美咲' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('小野 美咲');

	const other = await page.goto(`/manager/units/${UNITS.zeimu}`);
	expect(other?.status()).toBe(404);
});

test('a 課長 cannot open a person of another 課 by id', async ({ page }) => {
	// learn the id of the 税務課 new hire as HR, then try it as the 市民課長
	await signIn(page, ACCOUNTS.hr);
	await page.goto('/hr/people?q=000006');
	const href = await page.getByRole('link', { name: '千葉 悠斗' }).getAttribute('href');
	expect(href).toMatch(/^\/people\//);
	await signOut(page);

	await signIn(page, ACCOUNTS.manager);
	const res = await page.goto(href!);
	expect(res?.status()).toBe(404);
});

test('a 課長 cannot run HR actions on their own staff', async ({ page }) => {
	await signIn(page, ACCOUNTS.manager);
	await page.getByRole('link', { name: '小野 美咲' }).first().click();
	await expect(page).toHaveURL(/\/people\//);
	await expect(page.getByRole('button', { name: '初期パスワードを発行' })).toHaveCount(0);
	const res = await page.request.post(`${page.url()}?/issuePassword`, {
		form: {},
		headers: { origin: ORIGIN, accept: 'text/html' }
	});
	expect(res.status()).toBe(403);
});

test('HR is not offered, and cannot issue, a password for the system administrator', async ({ page }) => {
	await signIn(page, ACCOUNTS.hr);
	await page.goto('/hr/people?q=000001');
	await page.getByRole('link', { name: '森 陽子' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('森 陽子');
	await expect(page.getByRole('button', { name: '初期パスワードを発行' })).toHaveCount(0);
	const res = await page.request.post(`${page.url()}?/issuePassword`, {
		form: {},
		headers: { origin: ORIGIN, accept: 'text/html' }
	});
	expect(res.status()).toBe(403);
});

test('a POST from another origin is rejected', async ({ request }) => {
	const res = await request.post('/login', {
		form: { employeeNo: ACCOUNTS.employee, password: 'x' },
		headers: { origin: 'http://evil.example.com' }
	});
	expect(res.status()).toBe(403);
});

test('HR finds staff by フリガナ, 氏名 and 職員番号 with leading zeros', async ({ page }) => {
	await signIn(page, ACCOUNTS.hr);
	for (const q of ['オノ ミサキ', '小野 美咲', '000004', 'おの みさき']) {
		await page.goto(`/hr/people?q=${encodeURIComponent(q)}`);
		await expect(page.getByRole('link', { name: '小野 美咲' }), q).toBeVisible();
	}
	await page.goto('/hr/people?q=存在しない名前');
	await expect(page.getByText('条件に合う職員はいません')).toBeVisible();
});

test('pages send security headers and a same-origin Content-Security-Policy', async ({ page }) => {
	const res = await page.goto('/login');
	const h = res!.headers();
	expect(h['content-security-policy']).toContain("default-src 'self'");
	expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['referrer-policy']).toBe('same-origin');
});
