import { chromium } from '@playwright/test';
const [who, path, ...ys] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
await page.goto('http://localhost:3400/login'); await page.waitForSelector('body[data-hydrated]', { state: 'attached' });
await page.getByLabel('職員番号').fill(who); await page.getByLabel('パスワード', { exact: true }).fill('mirai-demo-2026');
await page.getByRole('button', { name: 'ログイン' }).click(); await page.waitForURL((u) => u.pathname !== '/login');
await page.goto('http://localhost:3400' + path); await page.waitForTimeout(500);
for (const y of ys) { await page.evaluate((y) => window.scrollTo(0, Number(y)), y); await page.waitForTimeout(200); await page.screenshot({ path: `/tmp/v-${who}-${y}.png` }); console.log(`/tmp/v-${who}-${y}.png`); }
await browser.close();
