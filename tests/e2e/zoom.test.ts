import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, signIn, test } from './fixtures.ts';

/**
 * WCAG 1.4.4 (text resized to 200 %) and 1.4.10 (reflow at 320 CSS px). Data tables may scroll
 * in two dimensions (1.4.10's exception), so what lies inside a table is not measured at 320 px,
 * nor, at any width, what lies inside a region that scrolls sideways by itself.
 */
type Overflow = { page: number; view: number; outside: string[]; clipped: string[] };

const measure = (page: Page, skipTables: boolean): Promise<Overflow> =>
	page.evaluate((skipTables) => {
		const view = document.documentElement.clientWidth;
		const label = (el: Element) =>
			`<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}> ${(el.textContent ?? '').trim().slice(0, 30)}`;
		// inside a box that scrolls sideways by itself (a wide table's region) is not past the page's edge
		const inScroller = (el: Element) => {
			for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
				if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
			return false;
		};
		const outside = [...document.querySelectorAll('body *')]
			// text kept for screen readers only (.visually-hidden, clipped to 1 px) is not on the screen at all
			.filter(
				(el) =>
					!(skipTables && el.closest('table')) &&
					!inScroller(el) &&
					!el.parentElement?.closest('.visually-hidden') &&
					el.getClientRects().length > 0
			)
			.filter((el) => el.getBoundingClientRect().right > view + 1)
			.map(label);
		// text in the header and menu that is cut off inside its own box
		const clipped = [...document.querySelectorAll('.site-header a, .site-header span, .site-header button')]
			.filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible')
			.map(label);
		return { page: document.documentElement.scrollWidth, view, outside, clipped };
	}, skipTables);

async function check(page: Page, path: string) {
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(path);
	await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
	const big = await measure(page, false);
	expect(big.outside, `${path} at 200 % text: elements past the right edge`).toEqual([]);
	expect(big.clipped, `${path} at 200 % text: clipped header text`).toEqual([]);
	expect(big.page, `${path} at 200 % text: document width`).toBeLessThanOrEqual(big.view + 1);

	await page.setViewportSize({ width: 320, height: 640 });
	await page.goto(path);
	const narrow = await measure(page, true);
	expect(narrow.outside, `${path} at 320 px: elements past the right edge`).toEqual([]);
	expect(narrow.clipped, `${path} at 320 px: clipped header text`).toEqual([]);
}

test('text at 200 % and a 320 px wide window need no sideways scrolling (employee)', async ({ page }) => {
	await signIn(page, ACCOUNTS.employee);
	for (const path of ['/mypage', '/learn', '/learn/standardization?s=1', '/learn/standardization?s=99', '/history'])
		await check(page, path);
	// an open quiz
	await page.goto('/learn/standardization?s=99');
	await page.getByRole('button', { name: '確認テストを受ける' }).click();
	await page.waitForURL(/\/quiz\//);
	await check(page, new URL(page.url()).pathname);
});

test('text at 200 % and a 320 px wide window need no sideways scrolling (dashboard, long source URLs)', async ({
	page
}) => {
	await signIn(page, ACCOUNTS.executive);
	await check(page, '/dashboard');
	// this module's sources once widened the page at 200 %
	await check(page, '/learn/service-design?s=99');
});

test('the measurement sees an overflow when there is one', async ({ page }) => {
	await page.goto('/login');
	await page.evaluate(() =>
		document
			.querySelector('main')!
			.append(Object.assign(document.createElement('p'), { textContent: 'x', style: 'width: 3000px' }))
	);
	expect((await measure(page, false)).outside.length).toBeGreaterThan(0);
});
