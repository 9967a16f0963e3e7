import type { Page } from '@playwright/test';
import { ACCOUNTS, PASSWORD, expect, test } from './fixtures.ts';

// a module no other test reads as the employee, so it opens at its first page
const MODULE = 'open-data';

type Focus = {
	tag: string;
	id: string;
	type: string;
	text: string;
	name: string;
	checked: boolean;
	question: number;
	visible: boolean;
};

/** What has focus now, and whether a focus indicator is drawn (outline or box-shadow while :focus-visible). */
const focused = (page: Page): Promise<Focus> =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLInputElement;
		const css = getComputedStyle(el);
		const drawn = (css.outlineStyle !== 'none' && parseFloat(css.outlineWidth) > 0) || css.boxShadow !== 'none';
		const fieldsets = [...document.querySelectorAll('fieldset.question')];
		return {
			tag: el.tagName.toLowerCase(),
			id: el.id,
			type: el.type ?? '',
			text: (el.textContent ?? '').trim(),
			name: el.name ?? '',
			checked: !!el.checked,
			question: fieldsets.findIndex((f) => f.contains(el)),
			visible: el.matches(':focus-visible') && drawn
		};
	});

/** Presses Tab until `want` holds, checking that every stop on the way shows where focus is. */
async function tabTo(page: Page, want: (f: Focus) => boolean, what: string) {
	for (let i = 0; i < 80; i++) {
		await page.keyboard.press('Tab');
		const f = await focused(page);
		expect(f.visible, `focus indicator on <${f.tag}> "${f.text.slice(0, 30)}" on the way to ${what}`).toBe(true);
		if (want(f)) return f;
	}
	throw new Error(`Tab never reached ${what}`);
}

/** After a page loads, the first Tab reaches the skip link, and Enter on it moves focus to the main content. */
async function skipToMain(page: Page) {
	const first = await tabTo(page, () => true, 'the first stop');
	expect(first.text).toBe('本文へ移動');
	await page.keyboard.press('Enter');
	await expect.poll(async () => (await focused(page)).id).toBe('main');
}

const isLink = (text: string | RegExp) => (f: Focus) =>
	f.tag === 'a' && (typeof text === 'string' ? f.text === text : text.test(f.text));
const isButton = (text: string) => (f: Focus) => f.tag === 'button' && f.text === text;

test('an employee signs in, reads a module and completes its quiz with the keyboard alone', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto('/login');
	await skipToMain(page);

	// a wrong 職員番号: the error is announced and tied to its field, which gets focus
	const employeeNo = await tabTo(page, (f) => f.tag === 'input', 'the 職員番号 field');
	expect(employeeNo.id).toBe('f-employeeNo');
	await page.keyboard.type('12@');
	await tabTo(page, (f) => f.id === 'f-password', 'the password field');
	await page.keyboard.type(PASSWORD);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('alert')).toContainText('入力内容');
	const field = page.locator('#f-employeeNo');
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	const describedBy = (await field.getAttribute('aria-describedby'))!.split(' ');
	const errorText = await page.locator('#f-employeeNo-error').textContent();
	expect(describedBy).toContain('f-employeeNo-error');
	expect(errorText).toContain('職員番号は数字');
	await expect.poll(async () => (await focused(page)).id).toBe('f-employeeNo');

	// correct it and sign in
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type(ACCOUNTS.employee);
	await tabTo(page, (f) => f.id === 'f-password', 'the password field');
	await page.keyboard.type(PASSWORD);
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/mypage$/);

	// 学習 from the main menu, then the module from the catalogue
	await tabTo(page, isLink('学習'), 'the 学習 link');
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/learn$/);
	await skipToMain(page);
	await tabTo(page, (f) => f.tag === 'a' && f.text.includes('オープンデータ'), 'the module link');
	await page.keyboard.press('Enter');
	await page.waitForURL(new RegExp(`/learn/${MODULE}`));

	// page through every section with 次のページへ, then start the quiz
	const total = Number(/(\d+)ページ中/.exec((await page.locator('#lesson-progress').textContent())!)?.[1] ?? NaN);
	expect(total).toBeGreaterThan(1);
	for (let s = 2; s <= total; s++) {
		await skipToMain(page);
		await tabTo(page, isLink('次のページへ'), 'the next-page link');
		await page.keyboard.press('Enter');
		await expect(page.locator('#lesson-progress')).toContainText(`${s}ページ目`);
	}
	await skipToMain(page);
	await tabTo(page, isButton('確認テストを受ける'), 'the start button');
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/quiz\//);

	// answer every question: arrow keys in a radio group, Space on a checkbox
	await skipToMain(page);
	const questions = await page.locator('fieldset.question').count();
	expect(questions).toBeGreaterThan(0);
	const answered = new Set<number>();
	const submit = await tabTo(
		page,
		(f) => (f.question >= 0 && !answered.has(f.question)) || isButton('提出して採点する')(f),
		'a question'
	).then(async function answer(f): Promise<Focus> {
		if (f.tag === 'button') return f;
		if (f.type === 'radio') await page.keyboard.press('ArrowDown');
		else await page.keyboard.press('Space');
		const now = await focused(page);
		expect(now.question, 'focus stays in the question').toBe(f.question);
		expect(now.checked, `question ${f.question + 1} answered by keyboard`).toBe(true);
		answered.add(f.question);
		return answer(
			await tabTo(
				page,
				(g) => (g.question >= 0 && !answered.has(g.question)) || isButton('提出して採点する')(g),
				'the next question'
			)
		);
	});
	expect(answered.size).toBe(questions);
	await expect(page.getByText(`解答済み ${questions} / ${questions}問`)).toBeVisible();
	expect(submit.text).toBe('提出して採点する');
	await page.keyboard.press('Enter');

	// the result: focus starts at its heading
	await expect(page.getByRole('heading', { level: 1 })).toContainText('結果');
	await expect.poll(async () => (await focused(page)).tag).toBe('h1');
	await expect(page.getByText(/問中 \d+問正解/)).toBeVisible();
});
