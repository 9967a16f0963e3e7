import { ACCOUNTS, ORIGIN, expect, signIn, test } from './fixtures.ts';

/**
 * Every CSV upload goes through one reader with one size limit (20 MB): a larger file is refused
 * with 413 and the same Japanese message before it is read.
 */
const UPLOADS = ['/hr/import?/preview', '/hr/units?/upload', '/hr/training?/upload'];
const OVERSIZED = Buffer.alloc(21 * 1024 * 1024, 'a');

test('a CSV over 20 MB is refused the same way by every upload', async ({ page }) => {
	await signIn(page, ACCOUNTS.hr);
	for (const action of UPLOADS) {
		const res = await page.request.post(action, {
			headers: { origin: ORIGIN, accept: 'application/json', 'x-sveltekit-action': 'true' },
			multipart: { file: { name: 'big.csv', mimeType: 'text/csv', buffer: OVERSIZED } }
		});
		const body = await res.json();
		expect(body.type, action).toBe('failure');
		expect(body.status, action).toBe(413);
		expect(body.data, action).toContain('ファイルが大きすぎます（上限 20MB）。');
	}
});
