import { describe, expect, it } from 'vitest';
import { formatMetricValue, formatPercent, NO_VALUE } from './format.ts';

describe('figures for a reader', () => {
	it('write a percentage with one decimal, or a dash when there is none', () => {
		expect(formatPercent(83.333)).toBe('83.3%');
		expect(formatPercent(100)).toBe('100.0%');
		expect(formatPercent(0)).toBe('0.0%');
		expect(formatPercent(null)).toBe(NO_VALUE);
	});

	it('drop a zero decimal when asked, and keep a real one', () => {
		expect(formatPercent(100, { trim: true })).toBe('100%');
		expect(formatPercent(42, { trim: true })).toBe('42%');
		expect(formatPercent(12.5, { trim: true })).toBe('12.5%');
	});

	it('write a head count as people with thousands separators, and a rate as a percentage', () => {
		expect(formatMetricValue('person_count', 12345)).toBe('12,345人');
		expect(formatMetricValue('completion_rate', 95.04)).toBe('95.0%');
		expect(formatMetricValue('person_count', null)).toBe(NO_VALUE);
	});
});
