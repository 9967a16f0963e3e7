import iconv from 'iconv-lite';
import { ACCOUNTS, expect, signIn, test } from './fixtures.ts';

const HEADER = '職員番号,氏名,フリガナ,所属コード,職階,雇用区分,採用日,メール,タグ,異動日\r\n';

test('HR previews a Shift_JIS staff list, applies it, sees the newcomer, and undoes it', async ({ page }) => {
	await signIn(page, ACCOUNTS.hr);
	await page.goto('/hr/import');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('職員名簿の取り込み');

	// a file with only two people would deactivate almost everyone: refused without confirmation
	const csv =
		HEADER +
		'000004,小野 美咲,オノ ミサキ,211,主任,正規職員,2016/4/1,,窓口,\r\n' +
		'009001,新井 奏,アライ カナデ,220,主事補,正規職員,2026/10/1,,初任者,\r\n' +
		'009002,,,999,主事,正規職員,2026/2/30,,,\r\n';
	await page
		.getByLabel('職員名簿の CSV ファイル')
		.setInputFiles({ name: '名簿.csv', mimeType: 'text/csv', buffer: iconv.encode(csv, 'cp932') });
	await page.getByRole('button', { name: '内容を確認する' }).click();
	await expect(page.getByRole('heading', { name: /取り込みの確認/ })).toBeVisible();
	await expect(page.getByText('文字コード Shift_JIS')).toBeVisible();
	await expect(page.getByText('エラーのある行（4件）')).toBeVisible();
	await expect(page.getByRole('row').filter({ hasText: '所属コード「999」は登録されていません。' })).toContainText('4');

	await page.getByRole('button', { name: '取り込む' }).click();
	await expect(page.getByRole('alert')).toContainText('件のエラーがあるため、何も取り込んでいません');
	await expect(page.getByText('まだ取り込みはありません。')).toBeVisible();

	await page.goto('/hr/import');
	await page
		.getByLabel('職員名簿の CSV ファイル')
		.setInputFiles({ name: '名簿.csv', mimeType: 'text/csv', buffer: iconv.encode(csv, 'cp932') });
	await page.getByRole('button', { name: '内容を確認する' }).click();
	await page.getByLabel('エラーのある行を除いて取り込む').check();
	await page.getByRole('button', { name: '取り込む' }).click();
	await expect(page.getByRole('alert')).toContainText('が無効になります');

	await page.goto('/hr/import');
	await page
		.getByLabel('職員名簿の CSV ファイル')
		.setInputFiles({ name: '名簿.csv', mimeType: 'text/csv', buffer: iconv.encode(csv, 'cp932') });
	await page.getByRole('button', { name: '内容を確認する' }).click();
	await page.getByLabel('エラーのある行を除いて取り込む').check();
	await page.getByLabel(/を無効にすることを確認しました/).check();
	await page.getByRole('button', { name: '取り込む' }).click();
	// the apply and the re-evaluation of assignments run as a job; its page ends with the result and the next step
	await expect(page).toHaveURL(/\/jobs\/[a-z2-7]{24}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('職員名簿の取り込み');
	await expect(page.getByRole('status')).toHaveText('完了', { timeout: 30_000 });
	await expect(page.getByText(/^職員名簿を取り込みました。研修の割り当てを\d+件追加しました。$/)).toBeVisible();
	await page.getByRole('link', { name: /取り込みの履歴を見る/ }).click();
	await expect(page.getByRole('status')).toContainText('職員名簿を取り込みました。');
	await expect(page.getByRole('row').filter({ hasText: '名簿.csv' })).toContainText('追加 1');

	await page.goto('/hr/people?q=009001');
	await expect(page.getByRole('link', { name: '新井 奏' })).toBeVisible();

	await page.goto('/hr/import');
	await page.getByRole('button', { name: 'この取り込みを取り消す' }).click();
	await expect(page.getByRole('status')).toContainText('最後の取り込みを取り消しました。');
	await page.goto('/hr/people?q=009001');
	await expect(page.getByText('条件に合う職員はいません')).toBeVisible();
	await page.goto('/hr/people?q=000004');
	await expect(page.getByRole('row').filter({ hasText: '小野 美咲' })).toContainText('在職');
});

test('a file that is not CSV gets a clear message and changes nothing', async ({ page }) => {
	await signIn(page, ACCOUNTS.hr);
	await page.goto('/hr/import');
	await page.getByLabel('職員名簿の CSV ファイル').setInputFiles({
		name: 'meibo.xlsx',
		mimeType: 'application/octet-stream',
		buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0])
	});
	await page.getByRole('button', { name: '内容を確認する' }).click();
	await expect(page.getByRole('alert')).toContainText('Excel ブック（.xlsx）などは取り込めません');
});

test('the CSV template downloads with a BOM, and only HR may use the import', async ({ page }) => {
	await signIn(page, ACCOUNTS.hr);
	const res = await page.request.get('/hr/import/template');
	const body = await res.body();
	expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	expect(body.toString('utf8')).toContain('"職員番号","氏名","フリガナ"');
	await page.goto('/mypage');
	await page.getByRole('button', { name: 'ログアウト' }).click();
	await signIn(page, ACCOUNTS.manager);
	expect((await page.goto('/hr/import'))?.status()).toBe(403);
	expect((await page.request.get('/hr/import/template')).status()).toBe(403);
});
