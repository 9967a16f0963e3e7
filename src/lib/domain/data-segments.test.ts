import { describe, expect, it } from 'vitest';
import { dataSegments } from './data-segments.ts';

describe('dataSegments', () => {
	it('cuts a sentence around its data pieces, in order', () => {
		expect(dataSegments('Units: 総務課, 市民課 / Tags: 初任者', ['総務課', '市民課', '初任者'])).toEqual([
			{ text: 'Units: ', data: false },
			{ text: '総務課', data: true },
			{ text: ', ', data: false },
			{ text: '市民課', data: true },
			{ text: ' / Tags: ', data: false },
			{ text: '初任者', data: true }
		]);
	});

	it('finds a repeated name at its own place, and leaves a missing or empty piece unmarked', () => {
		expect(dataSegments('Staff of 課 (課)', ['課', '課'])).toEqual([
			{ text: 'Staff of ', data: false },
			{ text: '課', data: true },
			{ text: ' (', data: false },
			{ text: '課', data: true },
			{ text: ')', data: false }
		]);
		expect(dataSegments('All training', [null, '', 'なし'])).toEqual([{ text: 'All training', data: false }]);
		expect(dataSegments('', [])).toEqual([{ text: '', data: false }]);
	});
});
