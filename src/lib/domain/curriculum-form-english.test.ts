import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '../paraglide/runtime.js';
import { draftFromFields, validateDraft } from './curriculum-form.ts';
import { choices, fields } from './curriculum-form-fixtures.ts';

describe('curriculum form messages for an English reader', () => {
	const base = getLocale;
	afterEach(() => overwriteGetLocale(base));

	it('names every bad field in English', () => {
		overwriteGetLocale(() => 'en');
		const r = validateDraft(
			draftFromFields(
				fields([
					['name', ''],
					['jobGrades', '部長'],
					['hiredWithinDays', '0']
				]),
				choices
			),
			choices
		);
		expect(r.ok ? null : [r.message, r.fieldErrors]).toEqual([
			'Please check what you entered.',
			{
				name: 'Please enter a name.',
				jobGrades: 'The job grade selection contains an unknown value. Please reload the page.',
				hiredWithinDays: 'Please enter the number of days since hiring as a whole number from 1 to 3650.',
				items: 'Please choose at least one module.'
			}
		]);
	});
});
