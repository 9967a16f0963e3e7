import { describe, expect, it } from 'vitest';
import { CRITERIA, verdict } from './criteria.ts';

describe('the WCAG 2.0 (JIS X 8341-3:2016) checklist', () => {
	it('has the 25 level-A and 13 level-AA success criteria, each once', () => {
		expect(CRITERIA.filter((c) => c.level === 'A')).toHaveLength(25);
		expect(CRITERIA.filter((c) => c.level === 'AA')).toHaveLength(13);
		expect(new Set(CRITERIA.map((c) => c.id)).size).toBe(38);
	});

	it('claims nothing where no automated rule ran, and reports a violation as one', () => {
		expect(verdict(undefined)).toBe('undecidable');
		expect(verdict({ rules: 0, applicable: false, violations: 0 })).toBe('undecidable');
		expect(verdict({ rules: 3, applicable: true, violations: 0 })).toBe('no_violation');
		expect(verdict({ rules: 3, applicable: true, violations: 2 })).toBe('violation');
	});
});
