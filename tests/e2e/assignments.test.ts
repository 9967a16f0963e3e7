import { ACCOUNTS, expect, signIn, test } from './fixtures';

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
	await expect(page.getByRole('region', { name: '受講が必要な研修' }).getByRole('row').filter({ hasText: '管理職のためのDXマネジメント' })).toContainText('未着手');
});
