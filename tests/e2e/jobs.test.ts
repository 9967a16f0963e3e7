import { readFileSync } from 'node:fs';
import { ACCOUNTS, expect, signIn, test } from './fixtures.ts';
import { finishedJob, startPersonExport } from './job-helpers.ts';

test('HR starts the 個人別 export, goes elsewhere, comes back through 処理の状況 and downloads the CSV', async ({
	page
}) => {
	test.setTimeout(90_000);
	await signIn(page, ACCOUNTS.hr);
	await page.goto('/dashboard');
	await page.getByLabel('個人別受講状況').check();
	await page.getByRole('button', { name: 'ダウンロード' }).click();
	await expect(page).toHaveURL(/\/jobs\/[a-z2-7]{24}$/);
	const jobUrl = new URL(page.url()).pathname;
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('個人別受講状況 CSV の作成');
	// when the work ends while the page is open, the header no longer counts it as running
	await expect(page.getByRole('status')).toHaveText('完了', { timeout: 60_000 });
	await expect(page.getByRole('group', { name: 'アカウント' }).getByRole('link', { name: /^処理の状況/ })).toHaveText(
		'処理の状況'
	);

	// leaving the page does not stop the work (nor lose its result)
	await page.goto('/mypage');
	await page.getByRole('link', { name: /^処理の状況/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('処理の状況');
	await page.getByRole('row').nth(1).getByRole('link', { name: '個人別受講状況 CSV の作成' }).click();
	await expect(page).toHaveURL(new RegExp(`${jobUrl}$`));

	await expect(page.getByRole('status')).toHaveText('完了', { timeout: 60_000 });
	const summary = (await page.getByText(/^CSV ができました（\d+行）。$/).textContent())!;
	const rows = Number(/（(\d+)行）/.exec(summary)![1]);
	const link = page.getByRole('link', { name: /個人別受講状況_.*\.csv をダウンロード/ });
	const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
	expect(download.suggestedFilename()).toMatch(/^個人別受講状況_.*\.csv$/);
	const text = readFileSync((await download.path())!).toString('utf8');
	const lines = text
		.replace(/^\ufeff/, '')
		.split('\r\n')
		.filter(Boolean);
	expect(lines[0]).toBe(
		'年度,職員番号,氏名,フリガナ,部,所属,職階,在職,研修,必修,期限,状態,受験回数,最高得点率(%),合格日'
	);
	expect(lines.length - 1).toBe(rows);
	expect(rows).toBeGreaterThan(500);
	expect(lines.find((l) => l.includes('小野 美咲'))).toMatch(
		/^令和\d+年度（\d{4}年度）,="000004",小野 美咲,オノ ミサキ,市民生活部,住民記録係,/
	);

	// the download is in the audit log like the direct export was, naming this job
	await page.context().clearCookies();
	await signIn(page, ACCOUNTS.admin);
	const audit = (await (await page.request.get('/admin/audit/export?action=export.downloaded')).body()).toString(
		'utf8'
	);
	const entry = audit.split('\r\n').find((l) => l.includes(jobUrl.slice('/jobs/'.length)));
	expect(entry).toContain('石田 直樹');
});

test('nobody but its creator sees a job or its file; a new user is told how jobs start', async ({ page }) => {
	test.setTimeout(90_000);
	await signIn(page, ACCOUNTS.hr);
	const job = await startPersonExport(page, { enc: 'shift_jis' });
	expect((await finishedJob(page, job)).hasFile).toBe(true);
	expect((await page.request.get(`${job}/file`)).status()).toBe(200);
	// another person on this browser (the sessions stay valid, so no new authenticator code is waited for)
	await page.context().clearCookies();

	for (const who of [ACCOUNTS.admin, ACCOUNTS.manager]) {
		await signIn(page, who);
		expect((await page.goto(job))!.status()).toBe(404);
		await expect(page.getByText('処理が見つかりません。')).toBeVisible();
		expect((await page.request.get(`${job}/status`)).status()).toBe(404);
		const file = await page.request.get(`${job}/file`);
		expect(file.status()).toBe(404);
		expect((await file.body()).toString('utf8')).not.toContain('職員番号');
		await page.context().clearCookies();
	}

	await signIn(page, ACCOUNTS.employee);
	// an employee without a role starts no jobs, so the header offers no 処理の状況 (the page itself still answers)
	await expect(
		page.getByRole('group', { name: 'アカウント' }).getByRole('link', { name: 'パスワード変更' })
	).toBeVisible();
	await expect(page.getByRole('link', { name: /^処理の状況/ })).toHaveCount(0);
	await page.goto('/jobs');
	await expect(page.getByText(/^まだ処理はありません。/)).toBeVisible();
});
