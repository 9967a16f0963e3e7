import { ACCOUNTS, expect, signIn, test, ORIGIN } from './fixtures.ts';

test('an employee sees the training they must take, ordered by due date, with status definitions', async ({ page }) => {
	await signIn(page, ACCOUNTS.employee);
	const section = page.getByRole('region', { name: '受講が必要な研修' });
	const rows = section.getByRole('row');
	await expect(rows.filter({ hasText: '情報セキュリティポリシーの基本' })).toContainText('必修');
	await expect(rows.filter({ hasText: '個人情報保護とデータの適正な取扱い' })).toContainText('必修');
	await expect(rows.filter({ hasText: 'DXの基礎とDXマインド' })).toContainText('推奨');
	await expect(rows.filter({ hasText: '管理職のためのDXマネジメント' })).toHaveCount(0);
	await section.getByText('状態の意味').click();
	await expect(section.getByText('期限を過ぎても合格していません。')).toBeVisible();
});

test('a 課長 is assigned the managers’ module', async ({ page }) => {
	await signIn(page, ACCOUNTS.manager);
	await page.goto('/mypage');
	await expect(
		page
			.getByRole('region', { name: '受講が必要な研修' })
			.getByRole('row')
			.filter({ hasText: '管理職のためのDXマネジメント' })
	).toContainText('未着手');
});

test('a 課長 sees who is behind first, records an exemption, and it leaves the overdue list and the audit log', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.manager);
	const lead = page.getByText(/期限切れの研修がある職員: \d+人/);
	const before = Number((await lead.textContent())!.match(/(\d+)人/)![1]);
	expect(before).toBeGreaterThan(0);
	const first = page.getByRole('region', { name: '受講状況（遅れている職員が上）' }).getByRole('row').nth(1);
	await expect(first).toContainText('期限切れ');
	const name = (await first.getByRole('link').textContent())!;
	await first.getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(name);

	// a period that ends before it starts is refused, and the other input is kept
	await page.getByLabel('理由').selectOption('育児休業');
	await page.getByLabel('開始日').fill('2026-10-01');
	await page.getByLabel('終了日').fill('2026-09-01');
	await page.getByLabel('備考').fill('第1子');
	await page.getByRole('button', { name: '免除を記録する' }).click();
	await expect(page.getByText('終了日は開始日以降にしてください。')).toBeVisible();
	await expect(page.getByLabel('備考')).toHaveValue('第1子');

	await page.getByLabel('終了日').fill('2027-09-30');
	await page.getByRole('button', { name: '免除を記録する' }).click();
	await expect(page.getByText('免除を記録しました。')).toBeVisible();
	await expect(page.getByRole('region', { name: '割り当てられた研修と状況' })).toContainText('免除');

	await page.goto('/manager');
	await expect(page.getByText(`期限切れの研修がある職員: ${before - 1}人`)).toBeVisible();
	await page.getByRole('button', { name: 'ログアウト' }).click();
	await signIn(page, ACCOUNTS.admin);
	await expect(page.getByRole('row').filter({ hasText: '受講免除の記録' }).first()).toContainText('藤原 正人');
});

test('a 課長 cannot record an exemption for staff of another 課, nor for themself', async ({ page }) => {
	await signIn(page, ACCOUNTS.hr);
	await page.goto('/hr/people?q=000006');
	const other = await page.getByRole('link', { name: '千葉 悠斗' }).getAttribute('href');
	await page.goto('/hr/people?q=000003');
	const self = await page.getByRole('link', { name: '藤原 正人' }).getAttribute('href');
	await page.getByRole('button', { name: 'ログアウト' }).click();
	await signIn(page, ACCOUNTS.manager);
	const form = { reason: '休職', fromDate: '2026-11-01', toDate: '2027-03-31' };
	const headers = { origin: ORIGIN, accept: 'text/html' };
	expect((await page.request.post(`${other}?/exempt`, { form, headers })).status()).toBe(404);
	expect((await page.request.post(`${self}?/exempt`, { form, headers })).status()).toBe(403);
});

test('a 課長 assigns an extra module; the person sees it, and a second assignment is refused', async ({ page }) => {
	await signIn(page, ACCOUNTS.manager);
	await page.getByRole('link', { name: '小野 美咲' }).first().click();
	await expect(page).toHaveURL(/\/people\//);
	const section = page.getByRole('region', { name: '研修を追加で割り当てる' });
	await section.getByLabel('研修').selectOption({ label: 'オープンデータ：公開の手順・機械判読・個人情報と知的財産' });
	await section.getByLabel('期限').fill('2020-01-01');
	await section.getByRole('button', { name: '割り当てる' }).click();
	await expect(section.getByText('期限は今日以降の日付にしてください。')).toBeVisible();
	await section.getByLabel('期限').fill('2099-12-31');
	await section.getByRole('button', { name: '割り当てる' }).click();
	await expect(section.getByText('研修を割り当てました。')).toBeVisible();
	await section.getByLabel('研修').selectOption({ label: 'オープンデータ：公開の手順・機械判読・個人情報と知的財産' });
	await section.getByLabel('期限').fill('2099-12-31');
	await section.getByRole('button', { name: '割り当てる' }).click();
	await expect(section.getByText('この研修はすでに割り当てられています。')).toBeVisible();

	await page.getByRole('button', { name: 'ログアウト' }).click();
	await signIn(page, ACCOUNTS.employee);
	await expect(
		page.getByRole('region', { name: '受講が必要な研修' }).getByRole('row').filter({ hasText: 'オープンデータ' })
	).toContainText('必修');
});
