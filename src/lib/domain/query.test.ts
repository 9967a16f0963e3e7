import { describe, expect, it } from 'vitest';
import { singleWholeNumber } from './query.ts';

describe('singleWholeNumber', () => {
	it.each([
		[['3'], 3],
		[['0'], 0],
		[['007'], 7],
		[[], null],
		[['1', '2'], null],
		[[''], null],
		[['1abc'], null],
		[['-1'], null],
		[['1.5'], null],
		[['１'], null],
		[[' 1'], null],
		[['1234567'], null]
	])('%j → %s', (values, expected) => expect(singleWholeNumber(values)).toBe(expected));
});
