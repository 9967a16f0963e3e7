import { ACCOUNTS, expect, signIn, signOut, test, ORIGIN } from './fixtures.ts';
import { finishedJob } from './job-helpers.ts';

const MODULE = 'デジタルデバイド対策・アクセシビリティ・窓口での支援';

test('HR defines a curriculum, errors keep the input, and the staff it covers are assigned at once', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.hr);
	await page.getByRole('link', { name: '研修計画（カリキュラム）' }).click();
	await expect(page.getByRole('row').filter({ hasText: '全職員 情報セキュリティ（毎年度）' })).toContainText('全職員');
	await page.getByRole('link', { name: '新しい研修計画を作る' }).click();

	// nothing ticked and a wrong number of days: each problem is named, the typed tags stay
	await page.getByLabel('名前').fill('窓口担当 デジタルデバイド対策');
	await page.getByLabel('タグ（いずれかを持つ職員）').fill('窓口');
	await page.getByRole('button', { name: '保存して割り当てを見直す' }).click();
	await expect(page.getByText('研修を1つ以上選んでください。')).toBeVisible();
	await expect(page.getByLabel('タグ（いずれかを持つ職員）')).toHaveValue('窓口');

	const row = page.getByRole('row').filter({ hasText: MODULE });
	await row.getByRole('checkbox').check();
	await row.getByLabel(`${MODULE}: 期限`).selectOption('after_transfer');
	await row.getByLabel('日数').fill('0');
	await page.getByRole('button', { name: '保存して割り当てを見直す' }).click();
	await expect(page.getByText(`${MODULE}: 日数は1〜730の整数で入力してください。`)).toBeVisible();
	await expect(page.getByRole('row').filter({ hasText: MODULE }).getByRole('checkbox')).toBeChecked();

	await row.getByLabel('日数').fill('60');
	await row.getByLabel(`${MODULE}: 繰り返し`).selectOption('once');
	await page.getByRole('button', { name: '保存して割り当てを見直す' }).click();
	await expect(page).toHaveURL(/\/hr\/curricula\?saved=/);
	await expect(page.getByRole('status').filter({ hasText: '研修計画を保存しました。' })).toContainText(
		'割り当ての見直しを裏で進めています'
	);
	// the review of assignments runs in the background; its page says how many were added
	const review = page.getByRole('link', { name: '見直しの進み具合を見る' });
	const jobPath = (await review.getAttribute('href'))!;
	await finishedJob(page, jobPath);
	await review.click();
	await expect(page.getByRole('main')).toContainText(/研修の割り当てを見直し、[1-9]\d*件を新たに割り当てました/);
	await page.getByRole('main').getByRole('link', { name: '研修計画（カリキュラム）' }).click();
	const listed = page.getByRole('row').filter({ hasText: '窓口担当 デジタルデバイド対策' });
	await expect(listed).toContainText('タグ: 窓口');
	await expect(listed).toContainText('着任日から60日後');

	// an edit is audited with its before and after
	await listed.getByRole('link').click();
	await expect(page.getByLabel('名前')).toHaveValue('窓口担当 デジタルデバイド対策');
	await page.getByLabel('名前').fill('窓口担当 デジタルデバイド対策（改）');
	await page.getByRole('button', { name: '保存して割り当てを見直す' }).click();
	await expect(page.getByRole('row').filter({ hasText: '窓口担当 デジタルデバイド対策（改）' })).toBeVisible();
	await signOut(page);

	await signIn(page, ACCOUNTS.employee);
	await expect(
		page.getByRole('region', { name: '受講が必要な研修' }).getByRole('row').filter({ hasText: MODULE })
	).toContainText('未着手');
	await signOut(page);
	await signIn(page, ACCOUNTS.admin);
	await expect(page.getByRole('row').filter({ hasText: '研修計画の変更' }).first()).toContainText('石田 直樹');
});

test('only HR and admin reach the curriculum editor; an unknown id is 404', async ({ page }) => {
	await signIn(page, ACCOUNTS.manager);
	expect((await page.goto('/hr/curricula'))!.status()).toBe(403);
	expect((await page.goto('/hr/curricula/new'))!.status()).toBe(403);
	await signOut(page);
	await signIn(page, ACCOUNTS.hr);
	expect((await page.goto('/hr/curricula/aaaaaaaaaaaaaaaaaaaaaaaa'))!.status()).toBe(404);
});

test('a 課長 reminds a member of staff once a day; the reminder is on their home page until read', async ({ page }) => {
	await signIn(page, ACCOUNTS.manager);
	const row = page
		.getByRole('row')
		.filter({ has: page.getByRole('link', { name: '小野 美咲' }) })
		.first();
	await row.getByRole('button', { name: '小野 美咲さんに督促する' }).click();
	await expect(page.getByText('小野 美咲さんに督促のお知らせを送りました。')).toBeVisible();
	await expect(
		page
			.getByRole('row')
			.filter({ has: page.getByRole('link', { name: '小野 美咲' }) })
			.first()
	).toContainText('本日督促済み');

	// the new hires of the 課 are listed with their mandatory training
	await expect(page.getByRole('region', { name: '新規採用職員（採用後1年以内）の研修状況' })).toBeVisible();
	await signOut(page);

	await signIn(page, ACCOUNTS.employee);
	const notices = page.getByRole('region', { name: /お知らせ/ });
	await expect(notices).toContainText('藤原 正人さんから: 次の研修の受講をお願いします。');
	// the automatic notice of the day's reminder run is there too (made when the server started)
	await expect(notices).toContainText('新しい研修が割り当てられました: ');
	await expect(notices).toContainText('未読 2件');
	const reminder = notices.getByRole('listitem').filter({ hasText: '藤原 正人さんから' });
	await reminder.getByRole('button', { name: '既読にする' }).click();
	await expect(notices).toContainText('未読 1件');
	await expect(reminder).toContainText('既読');
});

test('a 課長 cannot remind staff of another 課', async ({ page }) => {
	await signIn(page, ACCOUNTS.hr);
	await page.goto('/hr/people?q=000006');
	const other = (await page.getByRole('link', { name: '千葉 悠斗' }).getAttribute('href'))!.split('/').at(-1)!;
	await signOut(page);
	await signIn(page, ACCOUNTS.manager);
	const res = await page.request.post('/manager/units/org-mirai-u210?/remind', {
		form: { personId: other },
		headers: { origin: ORIGIN, accept: 'text/html' }
	});
	expect(res.status()).toBe(404);
});
