import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

/** Opens a page in Debian's chromium as a signed-in user and sums the JavaScript it loaded. */
export async function pageJavaScript(url: string, cookie: string) {
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
	try {
		const context = await browser.newContext();
		const [name, value] = cookie.split('=');
		await context.addCookies([{ name, value, url }]);
		const page = await context.newPage();
		const bodies: Promise<Buffer>[] = [];
		page.on('response', (r) => {
			if (r.url().endsWith('.js')) bodies.push(r.body());
		});
		await page.goto(url, { waitUntil: 'networkidle' });
		const all = await Promise.all(bodies);
		return { files: all.length, gzipBytes: all.reduce((n, b) => n + gzipSync(b).length, 0) };
	} finally {
		await browser.close();
	}
}
