import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '../paraglide/runtime.js';
import { crossSiteMessage } from './cross-site.ts';
import { BUSY_MESSAGE, busyMessage } from './busy.ts';
import { frameworkErrorMessage, SERVER_ERROR_MESSAGE } from './error-messages.ts';
import { badFormMessage } from './forms.ts';

describe('frameworkErrorMessage', () => {
	it('says in Japanese what SvelteKit says in English', () => {
		expect(frameworkErrorMessage(400)).toContain('リクエストの形式が正しくありません');
		expect(frameworkErrorMessage(404)).toBe('ページが見つかりません。');
		expect(frameworkErrorMessage(405)).toContain('このページでは行えません');
		expect(frameworkErrorMessage(415)).toBe(badFormMessage());
	});

	it('has a general message for other client errors and one for every server error', () => {
		expect(frameworkErrorMessage(431)).toContain('リクエストを処理できませんでした');
		expect(frameworkErrorMessage(500)).toBe(SERVER_ERROR_MESSAGE);
		expect(frameworkErrorMessage(503)).toBe(SERVER_ERROR_MESSAGE);
	});
});

describe('error pages in the reader’s locale', () => {
	const base = getLocale;
	afterEach(() => overwriteGetLocale(base));

	it('are English for an English reader, Japanese otherwise', () => {
		overwriteGetLocale(() => 'en');
		expect(frameworkErrorMessage(404)).toBe('Page not found.');
		expect(frameworkErrorMessage(500)).toBe('Something went wrong on the server. Please wait a while and try again.');
		expect(frameworkErrorMessage(415)).toBe(
			'The form was not sent in the expected format. Please reload the page and send it again.'
		);
		expect(busyMessage()).toMatch(/^The database was busy/);
		expect(crossSiteMessage()).toMatch(/^Submissions from other sites/);
		overwriteGetLocale(base);
		expect(frameworkErrorMessage(404)).toBe('ページが見つかりません。');
		expect(busyMessage()).toBe(BUSY_MESSAGE);
	});
});
