import { ACCOUNTS, ORIGIN, expect, signIn, test } from './fixtures.ts';

/**
 * Issue #9: a reader who chose English gets the importer's and the guards' messages in English,
 * resolved per request (the same server answers the next request in Japanese), while the
 * importer keeps reading the CSV's Japanese headers and names those columns in Japanese.
 */
const CSV =
	'職員番号,氏名,フリガナ,所属コード,職階,雇用区分,採用日\r\n009101,英語 太郎,エイゴ タロウ,999,主事,正規職員,2026/2/30\r\n';

async function preview(page: import('@playwright/test').Page, locale: 'en' | 'ja') {
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: ORIGIN }]);
	const res = await page.request.post('/hr/import?/preview', {
		headers: { origin: ORIGIN, accept: 'application/json', 'x-sveltekit-action': 'true' },
		multipart: { file: { name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) } }
	});
	expect(res.status()).toBe(200);
	return res.text();
}

test('import row errors follow the reader’s locale, with the Japanese column names kept', async ({ page }) => {
	await signIn(page, ACCOUNTS.hr);
	const en = await preview(page, 'en');
	expect(en).toContain('The 所属コード (unit code) “999” is not registered.');
	expect(en).toContain('The 採用日 (hire date) “2026/2/30” cannot be read as a date (e.g. 2026/4/1).');
	expect(en).not.toContain('登録されていません');
	const ja = await preview(page, 'ja');
	expect(ja).toContain('所属コード「999」は登録されていません。');
});

test('an employee refused HR pages is told so in English', async ({ page }) => {
	await signIn(page, ACCOUNTS.employee);
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: ORIGIN }]);
	const res = await page.request.post('/hr/import?/preview', {
		headers: { origin: ORIGIN, accept: 'application/json', 'x-sveltekit-action': 'true' },
		multipart: { file: { name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) } }
	});
	expect(await res.text()).toContain('You do not have permission to view this page.');
});
