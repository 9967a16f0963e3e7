import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { ACCOUNTS, expect, signIn, signOut, test, ORIGIN } from './fixtures.ts';
import { exportPersons } from './job-helpers.ts';

const fy = (() => {
	const jst = new Date(Date.now() + 9 * 3600_000);
	return jst.getUTCMonth() >= 3 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1;
})();
const POST = { origin: ORIGIN, accept: 'text/html' };

test('HR sees each plan target against its goal with a chart and the same numbers in a table, and drills down to a person', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.hr);
	await page.getByRole('link', { name: 'ダッシュボード' }).click();
	const targets = page.getByRole('table', { name: '目標と実績' });
	await expect(
		targets.getByRole('row').filter({ hasText: 'セキュリティ研修受講職員の理解度100%を維持' })
	).toContainText(/\d+\.\d%/);
	await expect(targets.getByRole('row').filter({ hasText: '情報化人材育成の研修 延べ1,000人以上' })).toContainText(
		'1,000'
	);
	await expect(page.getByRole('article', { name: '全職員が情報セキュリティ研修を受講' }).locator('canvas')).toHaveCount(
		1
	);
	await expect(page.getByRole('region', { name: '年度内の推移（月末時点の修了率）' }).getByRole('table')).toContainText(
		'4月'
	);
	await expect(page.getByRole('region', { name: '教材別の状況と、よく間違えられた問題' })).toContainText(
		'情報セキュリティポリシーの基本'
	);

	const units = page.getByRole('table', { name: '部・課別の状況' });
	await expect(units.getByRole('row').filter({ hasText: '市民生活部' })).toBeVisible();
	await units.getByRole('link', { name: '市民課' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('市民課');
	await page
		.getByRole('table', { name: /市民課の職員/ })
		.getByRole('link', { name: '小野 美咲' })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('小野 美咲');
});

test('a 年度 with no data says so instead of drawing an empty chart', async ({ page }) => {
	await signIn(page, ACCOUNTS.executive);
	await page.goto(`/dashboard?fy=${fy - 3}`);
	await expect(page.getByText('この年度の目標はまだ登録されていません。')).toBeVisible();
	await expect(page.getByText('この年度のデータはまだありません。')).toBeVisible();
	await expect(page.locator('canvas')).toHaveCount(0);
});

test('exports open in Excel: BOM, CRLF, 職員番号 as text, and Shift_JIS on request', async ({ page }) => {
	await signIn(page, ACCOUNTS.hr);
	// 個人別 is made by a job and downloaded from it; asking for it directly says where to go
	expect((await page.request.get(`/dashboard/export?kind=persons&fy=${fy}&enc=utf-8`)).status()).toBe(400);
	const res = await exportPersons(page, { fy: String(fy), enc: 'utf-8' });
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toBe('text/csv; charset=UTF-8');
	expect(res.headers()['content-disposition']).toContain(encodeURIComponent('個人別受講状況'));
	const body = await res.body();
	expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = body.subarray(3).toString('utf8');
	const lines = text.split('\r\n');
	expect(lines[0]).toBe(
		'年度,職員番号,氏名,フリガナ,部,所属,職階,在職,研修,必修,期限,状態,受験回数,最高得点率(%),合格日'
	);
	expect(lines.find((l) => l.includes('小野 美咲'))).toMatch(
		/^令和\d+年度（\d{4}年度）,="000004",小野 美咲,オノ ミサキ,市民生活部,住民記録係,主事,在職,/
	);
	expect(lines.length).toBeGreaterThan(500);
	expect(text.includes('\n') && !/[^\r]\n/.test(text)).toBe(true);

	const sjis = await page.request.get(`/dashboard/export?kind=units&fy=${fy}&enc=shift_jis`);
	expect(sjis.headers()['content-type']).toBe('text/csv; charset=Shift_JIS');
	const decoded = iconv.decode(await sjis.body(), 'cp932');
	expect(decoded.split('\r\n')[0]).toBe(
		'年度,部,課,対象,合格,修了率(%),期限切れ,未着手,免除,受講者,初回の理解度(%),最高の理解度(%)'
	);
	expect(decoded).toContain(',市民生活部,市民課,');

	expect((await page.request.get(`/dashboard/export?kind=everything&fy=${fy}`)).status()).toBe(400);
});

test('a 課長 sees the dashboard and exports for their own 課 only, and cannot manage targets', async ({ page }) => {
	await signIn(page, ACCOUNTS.manager);
	await page.goto('/dashboard');
	await expect(page.getByText('表示しているのは、あなたが所属長を務める所属の職員だけです。')).toBeVisible();
	const units = page.getByRole('table', { name: '部・課別の状況' });
	await expect(units).toContainText('市民課');
	await expect(units).not.toContainText('税務課');
	const csv = (await (await exportPersons(page, { fy: String(fy) })).body()).toString('utf8');
	expect(csv).toContain('小野 美咲');
	expect(csv).not.toContain('税務課');
	expect(csv).not.toContain('千葉 悠斗');
	expect((await page.goto('/dashboard/targets'))!.status()).toBe(403);
	expect((await page.request.get(`/hr/fiscal-year/${fy}`)).status()).toBe(403);
});

test('HR registers a target; an impossible threshold gets a message and keeps the input', async ({ page }) => {
	await signIn(page, ACCOUNTS.hr);
	await page.goto('/dashboard/targets');
	await page.getByLabel('目標の名前').fill('BPR研修の修了率');
	await page.getByLabel('指標').selectOption({ label: '修了率（対象者のうち合格した割合）' });
	await page.getByLabel('対象の種類', { exact: true }).selectOption({ label: '分野' });
	await page.getByLabel('分野（対象の種類が「分野」のとき）').selectOption('業務改革');
	await page.getByLabel('目標値').fill('120');
	await page.getByRole('button', { name: '目標を登録する' }).click();
	await expect(page.getByText('率の目標は0より大きく100以下（%）で入力してください。')).toBeVisible();
	await expect(page.getByLabel('目標の名前')).toHaveValue('BPR研修の修了率');
	await page.getByLabel('目標値').fill('80');
	await page.getByRole('button', { name: '目標を登録する' }).click();
	await expect(page.getByText('目標を登録しました。')).toBeVisible();
	await page.goto('/dashboard');
	await expect(
		page.getByRole('table', { name: '目標と実績' }).getByRole('row').filter({ hasText: 'BPR研修の修了率' })
	).toContainText('分野: 業務改革');
	await page.goto('/dashboard/targets');
	await page.getByRole('button', { name: 'BPR研修の修了率を削除する' }).click();
	await expect(page.getByText('目標を削除しました。')).toBeVisible();
	await expect(page.getByRole('row').filter({ hasText: 'BPR研修の修了率' })).toHaveCount(0);
});

test('HR records an external course for 延べ人数; an unknown 職員番号 is named', async ({ page }) => {
	await signIn(page, ACCOUNTS.hr);
	await page.goto('/hr/training');
	await page.getByLabel('職員番号').fill('4');
	await page.getByLabel('研修名・資格名').fill('J-LIS 情報セキュリティ研修');
	await page.getByLabel('受講日・取得日').fill(`${fy}-05-20`);
	await page.getByRole('button', { name: '記録する', exact: true }).click();
	await expect(page.getByText('この職員番号の職員はいません。先頭の0も含めて入力してください。')).toBeVisible();
	await expect(page.getByLabel('研修名・資格名')).toHaveValue('J-LIS 情報セキュリティ研修');
	await page.getByLabel('職員番号').fill('000004');
	await page.getByRole('button', { name: '記録する', exact: true }).click();
	await expect(page.getByText('小野 美咲さんの記録を追加しました。')).toBeVisible();
	await expect(page.getByRole('region', { name: '最近の記録' })).toContainText('J-LIS 情報セキュリティ研修');
});

test('HR records external training from a Shift_JIS CSV: a bad row applies nothing, a good file adds every row', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.hr);
	await page.goto('/hr/training');
	const header = '職員番号,種別,研修名,分野,受講日\r\n';
	const file = (text: string) => ({ name: 'training.csv', mimeType: 'text/csv', buffer: iconv.encode(text, 'cp932') });
	await page
		.getByLabel('CSV ファイル')
		.setInputFiles(
			file(
				`${header}000004,集合研修,BPRワークショップ（第2回）,業務改革,${fy}/6/10\r\n000004,講演,X,料理,${fy}/6/10\r\n`
			)
		);
	await page.getByRole('button', { name: '読み込んで記録する' }).click();
	await expect(page.getByText('件のエラーがあるため、何も記録していません。')).toBeVisible();
	const errors = page.getByRole('table', { name: 'エラーのある行' });
	await expect(errors.getByRole('row').filter({ hasText: '種別' })).toContainText('3');
	await expect(page.getByRole('region', { name: '最近の記録' })).not.toContainText('BPRワークショップ（第2回）');

	await page
		.getByLabel('CSV ファイル')
		.setInputFiles(
			file(
				`${header}000004,集合研修,BPRワークショップ（第2回）,業務改革,令和${fy - 2018}年6月10日\r\n000006,資格取得,ITパスポート試験 合格,デジタル技術,${fy}/7/1\r\n`
			)
		);
	await page.getByRole('button', { name: '読み込んで記録する' }).click();
	await expect(page.getByText('2件を記録しました（すでに記録済みの 0件は除きました）。')).toBeVisible();
	await expect(page.getByRole('region', { name: '最近の記録' })).toContainText('BPRワークショップ（第2回）');
});

test('HR closes the 年度 into an evidence pack that downloads exactly as frozen', async ({ page }) => {
	await signIn(page, ACCOUNTS.hr);
	await page.goto('/hr/fiscal-year');
	await page.getByRole('button', { name: 'この年度を締める' }).click();
	await expect(page.getByText('確認のチェックを入れてください。')).toBeVisible();
	await page.getByLabel('締めた年度の証跡は、あとから変更・削除できないことを確認しました').check();
	await page.getByRole('button', { name: 'この年度を締める' }).click();
	// the pack is built by a job: its progress page ends with the closed 年度 and the way to its pack
	await expect(page).toHaveURL(/\/jobs\/[a-z2-7]{24}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('年度締め');
	const done = page.getByText(/を締め、証跡を確定しました（SHA-256: [0-9a-f]{64}）/);
	await expect(done).toBeVisible({ timeout: 30_000 });
	await expect(page.getByRole('status')).toHaveText('完了');
	const shown = /SHA-256: ([0-9a-f]{64})/.exec((await done.textContent())!)![1];
	await page.getByRole('link', { name: '年度の締めと証跡' }).click();
	const listed = (await page.getByRole('table').locator('code').first().textContent())!;
	expect(listed).toBe(shown);

	const res = await page.request.get(`/hr/fiscal-year/${fy}`);
	const body = await res.body();
	const digest = createHash('sha256').update(body).digest('hex');
	expect(digest).toBe(listed);
	expect(res.headers()['x-content-sha256']).toBe(listed);
	const pack = JSON.parse(body.toString('utf8'));
	expect(pack.format).toBe('manabi-evidence-pack/1');
	expect(pack.records.length).toBeGreaterThan(500);
	expect(pack.attempts.length).toBeGreaterThan(500);
	expect(pack.targets.map((t: { name: string }) => t.name)).toContain('セキュリティ研修受講職員の理解度100%を維持');

	// a second close of the same 年度 is refused and the pack is unchanged
	const again = await page.request.post('/hr/fiscal-year?/close', {
		form: { fiscalYear: String(fy), confirm: 'yes' },
		headers: POST
	});
	expect(again.status()).toBe(409);
	expect(
		createHash('sha256')
			.update(await (await page.request.get(`/hr/fiscal-year/${fy}`)).body())
			.digest('hex')
	).toBe(listed);
	await signOut(page);
	await signIn(page, ACCOUNTS.admin);
	await expect(page.getByRole('row').filter({ hasText: '年度の締め（証跡の確定）' }).first()).toContainText(
		'石田 直樹'
	);
});
