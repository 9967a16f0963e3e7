import { describe, expect, it } from 'vitest';
import { frameworkErrorMessage, SERVER_ERROR_MESSAGE } from './error-messages';
import { BAD_FORM_MESSAGE } from './forms';

describe('frameworkErrorMessage', () => {
	it('says in Japanese what SvelteKit says in English', () => {
		expect(frameworkErrorMessage(400)).toContain('リクエストの形式が正しくありません');
		expect(frameworkErrorMessage(404)).toBe('ページが見つかりません。');
		expect(frameworkErrorMessage(405)).toContain('このページでは行えません');
		expect(frameworkErrorMessage(415)).toBe(BAD_FORM_MESSAGE);
	});

	it('has a general message for other client errors and one for every server error', () => {
		expect(frameworkErrorMessage(431)).toContain('リクエストを処理できませんでした');
		expect(frameworkErrorMessage(500)).toBe(SERVER_ERROR_MESSAGE);
		expect(frameworkErrorMessage(503)).toBe(SERVER_ERROR_MESSAGE);
	});
});
