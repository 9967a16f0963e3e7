import { writeFileSync } from 'node:fs';
import { ACCOUNTS, expect, signIn, signOut, test } from './fixtures.ts';
import { answerQuiz } from './quiz-helpers.ts';
import { fiscalYearOf, formatFiscalYear, formatWareki, toJstDate } from '../../src/lib/domain/japanese-date.ts';

// みらい市's demo employee 000004 (小野 美咲, 市民課 住民記録係) has no history of her own
const SLUG = 'e-approval';
const TITLE = '電子決裁・文書管理とペーパーレス';
const CODE = /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/;

test.describe.configure({ mode: 'serial' });

test('a certificate page renders for a passed module, prints on one A4 page, and only the right people open it', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.employee);
	await page.goto(`/learn/${SLUG}?s=99`);
	await page.getByRole('button', { name: '確認テストを受ける' }).click();
	await answerQuiz(page, SLUG, 'right');
	await page.getByRole('button', { name: '提出して採点する' }).click();
	await expect(page.getByRole('heading', { name: '合格', exact: true })).toBeVisible();
	const today = toJstDate(new Date());

	await page.getByRole('link', { name: '修了証を表示' }).click();
	await expect(page).toHaveURL(/\/certificates\/[a-z2-7]{24}$/);
	const url = page.url();
	const sheet = page.getByRole('article', { name: '修了証' });
	await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('修了証');
	for (const text of ['小野 美咲', 'オノ ミサキ', '000004', TITLE, 'みらい市', '人事課で確認コードを照合できます。'])
		await expect(sheet).toContainText(text);
	await expect(sheet.getByRole('definition').filter({ hasText: formatWareki(today) })).toBeVisible();
	await expect(sheet.getByRole('definition').filter({ hasText: formatFiscalYear(fiscalYearOf(today)) })).toBeVisible();
	const code = (await sheet.locator('.verify .code').textContent())!.trim();
	expect(code).toMatch(CODE);

	// 受講履歴 leads to the same certificate with the same code
	await page.goto('/history');
	await page
		.getByRole('row')
		.filter({ hasText: TITLE })
		.getByRole('link', { name: /修了証を表示/ })
		.click();
	await expect(page).toHaveURL(url);
	await expect(page.locator('.verify .code')).toHaveText(code);

	// on paper: no menu or buttons, the sheet alone on one A4 page
	await expect(page.getByRole('navigation', { name: 'メインメニュー' })).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'メインメニュー' })).toBeHidden();
	await expect(page.getByRole('button', { name: '印刷する' })).toBeHidden();
	await expect(page.getByRole('link', { name: '受講履歴へ戻る' })).toBeHidden();
	await expect(sheet).toBeVisible();
	const printed = await page.pdf({ preferCSSPageSize: true });
	writeFileSync(test.info().outputPath('certificate.pdf'), printed);
	const pdf = printed.toString('latin1');
	expect(pdf.match(/\/Type\s*\/Page\b/g), 'pages in the PDF').toHaveLength(1);
	const [, w, h] = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/)!;
	expect([Math.round(Number(w)), Math.round(Number(h))]).toEqual([595, 842]);
	await page.emulateMedia({ media: 'screen' });

	// her 課長 may open it; someone else without HR rights (the 副市長, who reads reports) gets 404,
	// and cannot have one issued for a module they have not passed
	await signOut(page);
	await signIn(page, ACCOUNTS.manager);
	await page.goto(url);
	await expect(page.getByRole('article', { name: '修了証' })).toContainText('小野 美咲');
	await signOut(page);
	await signIn(page, ACCOUNTS.executive);
	expect((await page.goto(url))?.status()).toBe(404);
	await expect(page.getByText('小野 美咲')).toHaveCount(0);
	expect((await page.goto(`/certificates/module/${SLUG}/${fiscalYearOf(today)}`))?.status()).toBe(404);
});

test('HR verifies a certificate code; a wrong code gets a message and the input stays', async ({ page }) => {
	await signIn(page, ACCOUNTS.employee);
	await page.goto('/history');
	await page
		.getByRole('row')
		.filter({ hasText: TITLE })
		.getByRole('link', { name: /修了証を表示/ })
		.click();
	const code = (await page.locator('.verify .code').textContent())!.trim();
	expect(code).toMatch(CODE);
	await signOut(page);

	await signIn(page, ACCOUNTS.hr);
	await page.goto('/hr');
	await page.getByRole('link', { name: '修了証の照合' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('修了証の照合');
	const field = page.getByLabel('確認コード');
	// typed the way people do: lower case, no hyphens
	await field.fill(code.replaceAll('-', '').toLowerCase());
	await page.getByRole('button', { name: '照合する' }).click();
	await expect(page.getByRole('status')).toHaveText('有効な修了証です。');
	const result = page.getByRole('region', { name: '照合結果' });
	for (const text of [
		'小野 美咲',
		'000004',
		'市民課 住民記録係',
		TITLE,
		formatFiscalYear(fiscalYearOf(toJstDate(new Date()))),
		code
	])
		await expect(result).toContainText(text);

	const wrong = code.startsWith('A') ? 'BBBB-CCCC-DDDD' : 'AAAA-BBBB-CCCC';
	await field.fill(wrong);
	await page.getByRole('button', { name: '照合する' }).click();
	await expect(page.getByRole('alert')).toContainText('この確認コードの修了証は見つかりません。');
	await expect(field).toHaveValue(wrong);
	await expect(page.getByRole('region', { name: '照合結果' })).toHaveCount(0);

	await field.fill('1234');
	await page.getByRole('button', { name: '照合する' }).click();
	await expect(page.getByRole('alert')).toContainText('確認コードの形式が正しくありません。');
	await expect(page.getByText('確認コードは英数字 12 文字です')).toBeVisible();
	await expect(field).toHaveValue('1234');
});
