import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';

type RawItem = {
	id: string;
	type: string;
	stem: string;
	choices?: { id: string; text: string }[];
	answer: string | string[] | boolean;
	explanation: string;
};

/** The bank as the test (not the browser) reads it from disk, to know which answers are right. */
export function readBank(slug: string): RawItem[] {
	return parse(readFileSync(`content/modules/${slug}/questions.yaml`, 'utf8')).items;
}

function keyTexts(item: RawItem): string[] {
	// the ○/× labels are the UI's (Japanese or English); the statements are the module's
	if (item.type === 'truefalse') return item.answer ? ['○（正しい）', '○ (true)'] : ['×（誤り）', '× (false)'];
	const ids = Array.isArray(item.answer) ? item.answer : [String(item.answer)];
	return item.choices!.filter((c) => ids.includes(c.id)).map((c) => c.text);
}

/** Answers every question on the open quiz page, right or wrong, and returns the item ids. */
export async function answerQuiz(page: Page, slug: string, mode: 'right' | 'wrong') {
	const bank = readBank(slug);
	const questions = page.locator('fieldset.question');
	const n = await questions.count();
	const ids: string[] = [];
	for (let i = 0; i < n; i++) {
		const q = questions.nth(i);
		const stem = (await q.locator('.stem').textContent())!.trim();
		const item = bank.find((it) => it.stem.trim() === stem)!;
		ids.push(item.id);
		const keys = keyTexts(item);
		const labels = q.locator('label.choice');
		const count = await labels.count();
		let pickedWrong = false;
		for (let j = 0; j < count; j++) {
			const label = labels.nth(j);
			const text = (await label.textContent())!.trim();
			const isKey = keys.includes(text);
			if (mode === 'right' ? isKey : !isKey && !pickedWrong) {
				await label.locator('input').check();
				if (mode === 'wrong') pickedWrong = true;
			}
		}
	}
	return ids;
}
