import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ACCOUNTS, expect, signIn, signOut, test, ORIGIN } from './fixtures.ts';
import { answerQuiz, readBank } from './quiz-helpers.ts';

test('the catalogue lists the modules with their status', async ({ page }) => {
	await signIn(page, ACCOUNTS.employee);
	await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '学習' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('学習');
	for (const title of [
		'情報セキュリティポリシーの基本',
		'業務の棚卸し・業務手順書・BPR入門',
		'サービスデザイン思考とサービス設計12箇条'
	])
		await expect(page.getByRole('link', { name: title })).toBeVisible();
	await expect(page.getByText('未着手').first()).toBeVisible();
});

test('reading resumes at the page where the learner stopped', async ({ page }) => {
	await signIn(page, ACCOUNTS.employee);
	await page.goto('/learn/service-design');
	await expect(page.getByText('この教材の学習目標')).toBeVisible();
	await page.getByRole('link', { name: '次のページへ' }).click();
	await page.getByRole('link', { name: '次のページへ' }).click();
	await expect(page.locator('#lesson-progress')).toContainText('3ページ目');
	const heading = await page.locator('article h2').first().textContent();

	await page.goto('/mypage');
	await page.goto('/learn/service-design');
	await expect(page.locator('#lesson-progress')).toContainText('3ページ目');
	await expect(page.locator('article h2').first()).toHaveText(heading!);
	await page.goto('/learn');
	await expect(
		page.getByRole('listitem').filter({ hasText: 'サービスデザイン思考' }).getByText('学習中')
	).toBeVisible();
});

test('fail, read the explanations, retake with a fresh draw, pass; history lists both', async ({ page }) => {
	await signIn(page, ACCOUNTS.manager);
	await page.goto('/learn/bpr?s=99');
	await page.getByRole('button', { name: '確認テストを受ける' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('確認テスト');
	const firstDraw = await answerQuiz(page, 'bpr', 'wrong');
	await page.getByRole('button', { name: '提出して採点する' }).click();

	await expect(page.getByRole('heading', { name: '不合格' })).toBeVisible();
	await expect(page.getByText('10問中 0問正解（0%）')).toBeVisible();
	const bank = readBank('bpr');
	const explanation = bank.find((i) => i.id === firstDraw[0])!.explanation;
	await expect(page.getByText(explanation)).toBeVisible();

	await page.getByRole('button', { name: 'もう一度受ける' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('確認テスト');
	const secondDraw = await answerQuiz(page, 'bpr', 'right');
	expect(secondDraw.join()).not.toBe(firstDraw.join());
	await page.getByRole('button', { name: '提出して採点する' }).click();
	await expect(page.getByRole('heading', { name: '合格', exact: true })).toBeVisible();
	await expect(page.getByText('10問中 10問正解（100%）')).toBeVisible();

	await page.goto('/history');
	const rows = page.getByRole('row').filter({ hasText: '業務の棚卸し' });
	await expect(rows).toHaveCount(2);
	await expect(rows.first()).toContainText('10 / 10');
	await expect(rows.first()).toContainText('1.0.0');
	await expect(rows.last()).toContainText('0 / 10');
	await page.goto('/learn');
	await expect(
		page.getByRole('listitem').filter({ hasText: '業務の棚卸し' }).getByText('合格', { exact: true })
	).toBeVisible();
});

test('answers are saved as they go and survive a reload', async ({ page }) => {
	await signIn(page, ACCOUNTS.employee);
	await page.goto('/learn/security-policy?s=99');
	await page.getByRole('button', { name: '確認テストを受ける' }).click();
	const first = page.locator('fieldset.question').first().locator('input').first();
	await first.check();
	await expect(page.getByRole('status').filter({ hasText: '解答を保存しました' })).toBeVisible();
	await page.reload();
	await expect(page.locator('fieldset.question').first().locator('input').first()).toBeChecked();
	await expect(page.getByText('解答済み 1 / 10問')).toBeVisible();
	// starting again resumes the same open attempt instead of drawing a new one
	const url = page.url();
	await page.goto('/learn/security-policy?s=99');
	await page.getByRole('button', { name: '確認テストを受ける' }).click();
	await expect(page).toHaveURL(url);
});

test('a double submit from two tabs records one attempt and both show the stored result', async ({ page, context }) => {
	await signIn(page, ACCOUNTS.executive);
	await page.goto('/learn/service-design?s=99');
	await page.getByRole('button', { name: '確認テストを受ける' }).click();
	await answerQuiz(page, 'service-design', 'right');
	const second = await context.newPage();
	second.on('dialog', (d) => d.accept());
	await second.goto(page.url());
	await page.getByRole('button', { name: '提出して採点する' }).click();
	await expect(page.getByRole('heading', { name: '合格', exact: true })).toBeVisible();
	// the stale tab submits its (empty) form: nothing new is recorded, the stored result is shown
	await second.getByRole('button', { name: '提出して採点する' }).click();
	await expect(second.getByRole('heading', { name: '合格', exact: true })).toBeVisible();
	await page.goto('/history');
	await expect(page.getByRole('row').filter({ hasText: 'サービスデザイン思考' })).toHaveCount(1);
});

test('the open quiz sends no answer key or explanation to the browser', async ({ page }) => {
	await signIn(page, ACCOUNTS.admin);
	await page.goto('/learn/security-policy?s=99');
	await page.getByRole('button', { name: '確認テストを受ける' }).click();
	const html = await page.content();
	const data = await (await page.request.get(`${page.url()}/__data.json`)).text();
	for (const item of readBank('security-policy')) {
		expect(html).not.toContain(item.explanation);
		expect(data).not.toContain(item.explanation.slice(0, 30));
	}
	expect(data).not.toMatch(/"answer"|"explanation"|"correct"/);
});

test('a tampered submission is rejected with a message and records nothing', async ({ page }) => {
	await signIn(page, ACCOUNTS.hr);
	await page.goto('/learn/bpr?s=99');
	await page.getByRole('button', { name: '確認テストを受ける' }).click();
	const url = page.url();
	const res = await page.request.post(`${url}?/submit`, {
		form: { 'q:not-a-drawn-item': 'a' },
		headers: { origin: ORIGIN, accept: 'text/html' }
	});
	expect(res.status()).toBe(400);
	expect(await res.text()).toContain('出題されていない設問');
	await page.goto('/history');
	await expect(page.getByRole('row').filter({ hasText: '業務の棚卸し' })).toHaveCount(0);

	// another person's attempt id is a 404, not someone else's quiz
	await signOut(page);
	await signIn(page, ACCOUNTS.employee);
	const other = await page.goto(url);
	expect(other?.status()).toBe(404);
});

test('the built browser assets contain no question bank', () => {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const f of readdirSync(dir)) {
			const p = join(dir, f);
			if (statSync(p).isDirectory()) walk(p);
			else files.push(p);
		}
	};
	walk('build/client');
	const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
	expect(files.length).toBeGreaterThan(10);
	for (const slug of readdirSync('content/modules'))
		for (const item of readBank(slug)) {
			expect(text, `${slug}/${item.id}`).not.toContain(item.explanation.slice(0, 40));
			expect(text, `${slug}/${item.id}`).not.toContain(item.stem.slice(0, 40));
		}
});

test('every module page renders its title, sections and 出典 without console errors', async ({ page }) => {
	await signIn(page, ACCOUNTS.employee);
	for (const slug of readdirSync('content/modules')) {
		const res = await page.goto(`/learn/${slug}`);
		expect(res?.status(), slug).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
		await page.goto(`/learn/${slug}?s=99`);
		await expect(page.locator('article h2').first(), slug).toHaveText('出典');
	}
});
