import { generateTOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import {
	ACCOUNTS,
	attemptSignIn,
	enterDemoCode,
	expect,
	lastDemoCode,
	ORIGIN,
	PASSWORD,
	signIn,
	signOut,
	test
} from './fixtures.ts';

const STAFF = { no: '001003', name: '山口 恵' };

test('HR must enter a code after the password; until then no page opens, and a used code is refused', async ({
	page
}) => {
	await attemptSignIn(page, ACCOUNTS.hr, PASSWORD);
	await expect(page).toHaveURL(/\/login\/two-factor/);
	// the half-signed-in session reaches nothing: every area sends it back to the code
	await page.goto('/hr/people');
	await expect(page).toHaveURL(/\/login\/two-factor\?next=%2Fhr%2Fpeople/);
	const data = await page.request.get('/hr/people/__data.json');
	expect(await data.text()).not.toContain('石田');

	await page.getByLabel('確認コード').fill('000000' === lastDemoCode(ACCOUNTS.hr) ? '111111' : '000000');
	await page.getByRole('button', { name: '確認する' }).click();
	await expect(page.getByRole('alert')).toContainText('確認コードが正しくないか');
	await expect(page.getByLabel('確認コード')).toHaveAttribute('aria-invalid', 'true');

	await enterDemoCode(page, ACCOUNTS.hr);
	await expect(page).toHaveURL(/\/hr\/people$/);
	await signOut(page);

	// the same code again, as someone who watched it being typed would try
	await attemptSignIn(page, ACCOUNTS.hr, PASSWORD);
	await page.getByLabel('確認コード').fill(lastDemoCode(ACCOUNTS.hr));
	await page.getByRole('button', { name: '確認する' }).click();
	await expect(page.getByRole('alert')).toContainText('すでに使われたコード');
	await page.getByRole('button', { name: 'ログインをやめる' }).click();
	await expect(page).toHaveURL(/\/login$/);
});

test('a new HR member registers an authenticator before anything else, signs in with a recovery code once, and loses access when the role is revoked', async ({
	page,
	browser
}) => {
	test.setTimeout(90_000); // five sign-ins in two browsers, each with argon2 on the server
	await signIn(page, ACCOUNTS.admin);
	await page.goto('/admin/roles');
	const grant = page.getByRole('region', { name: '権限を付与する' });
	// a 課長 grant needs a unit code; the error keeps the input
	await grant.getByLabel('職員番号').fill(STAFF.no);
	await grant.getByLabel('権限').selectOption({ label: '所属長（課長）' });
	await grant.getByRole('button', { name: '付与する' }).click();
	await expect(grant.getByText('担当する部または課の所属コードを入力してください')).toBeVisible();
	await expect(grant.getByLabel('職員番号')).toHaveValue(STAFF.no);
	await grant.getByLabel('権限').selectOption({ label: '人事・研修担当' });
	await grant.getByRole('button', { name: '付与する' }).click();
	await expect(page.getByText('権限を付与しました。')).toBeVisible();

	const staff = await (await browser.newContext({ baseURL: ORIGIN })).newPage();
	await attemptSignIn(staff, STAFF.no, PASSWORD);
	await expect(staff).toHaveURL(/\/account\/two-factor$/);
	await expect(staff.getByText('二要素認証の登録が必要です')).toBeVisible();
	await staff.goto('/hr');
	await expect(staff).toHaveURL(/\/account\/two-factor$/);
	const key = decodeBase32IgnorePadding((await staff.getByTestId('totp-key').textContent())!.replace(/\s/g, ''));
	await staff.getByLabel('認証アプリの確認コード（6桁）').fill(generateTOTP(key, 30, 6));
	await staff.getByRole('button', { name: '登録する' }).click();
	await expect(staff.getByText('二要素認証を登録しました')).toBeVisible();
	const codes = await staff.getByTestId('recovery-codes').locator('li').allTextContents();
	expect(codes).toHaveLength(10);
	await staff.goto('/hr');
	await expect(staff.getByRole('heading', { level: 1 })).toHaveText('人事・研修');

	await signOut(staff);
	await attemptSignIn(staff, STAFF.no, PASSWORD);
	await staff.getByLabel('確認コード').fill(codes[0].toUpperCase());
	await staff.getByRole('button', { name: '確認する' }).click();
	await expect(staff).toHaveURL(/\/hr$/);
	await signOut(staff);
	await attemptSignIn(staff, STAFF.no, PASSWORD);
	await staff.getByLabel('確認コード').fill(codes[0]);
	await staff.getByRole('button', { name: '確認する' }).click();
	await expect(staff.getByRole('alert')).toContainText('すでに使われたコード');
	await staff.getByLabel('確認コード').fill(codes[1]);
	await staff.getByRole('button', { name: '確認する' }).click();
	await expect(staff).toHaveURL(/\/hr$/);

	// the administrator revokes the role: the person's session ends at once
	await page.reload();
	await page.getByRole('button', { name: `${STAFF.name}さんの「人事・研修担当」を取り消す` }).click();
	await expect(page.getByText('権限を取り消しました。')).toBeVisible();
	await staff.goto('/hr');
	await expect(staff).toHaveURL(/\/login\?next=%2Fhr$/);

	// and resets the second factor (a lost phone); the audit log shows all of it
	const reset = page.getByRole('region', { name: '二要素認証のリセット' });
	await reset.getByLabel('職員番号').fill(STAFF.no);
	await reset.getByRole('button', { name: 'リセットする' }).click();
	await expect(page.getByText(`${STAFF.name}（${STAFF.no}）さんの二要素認証をリセットしました。`)).toBeVisible();
	await signIn(staff, STAFF.no);
	await expect(staff).toHaveURL(/\/mypage$/);
	await staff.context().close();
});

test('the administrator searches the audit log and downloads it; nobody else can', async ({ page }) => {
	await signIn(page, ACCOUNTS.admin);
	await page.goto('/admin/audit');
	await page.getByLabel('操作の種類').selectOption({ label: '権限の付与' });
	await page.getByRole('button', { name: '表示する' }).click();
	await expect(page).toHaveURL(/action=role\.granted/);
	const rows = page.getByRole('table').getByRole('row');
	await expect(rows.nth(1)).toContainText('権限の付与');
	await expect(rows.nth(1)).toContainText('森 陽子（000001）');
	await expect(rows.nth(1)).toContainText(`${STAFF.name}（${STAFF.no}）`);

	await page.getByLabel('開始日').fill('2026-05-01');
	await page.getByLabel('終了日').fill('2026-04-01');
	await page.getByRole('button', { name: '表示する' }).click();
	await expect(page.getByText('終了日は開始日と同じか、それより後の日付にしてください。')).toBeVisible();

	const csv = await page.request.get('/admin/audit/export?action=role.granted');
	expect(csv.status()).toBe(200);
	const bytes = await csv.body();
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = bytes.toString('utf8');
	expect(text).toContain('日時,操作,操作コード,実行者 職員番号');
	expect(text).toContain('権限の付与,role.granted,="000001",森 陽子,person,');
	expect(text).toContain(`="${STAFF.no}",${STAFF.name},`);
	expect(text).not.toContain('auth.sign_in,');
	expect((await page.request.get('/admin/audit/export?from=nope')).status()).toBe(400);
	await signOut(page);

	await signIn(page, ACCOUNTS.hr);
	for (const url of ['/admin/audit', '/admin/roles', '/admin/audit/export'])
		expect((await page.request.get(url)).status(), url).toBe(403);
});
