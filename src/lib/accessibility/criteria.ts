/**
 * The success criteria of WCAG 2.0 at levels A and AA, which JIS X 8341-3:2016 adopts unchanged.
 * `e2e` names the end-to-end tests (besides the axe sweep) that exercise a criterion in part.
 */
export type Criterion = { id: string; level: 'A' | 'AA'; e2e?: 'keyboard' | 'zoom' | 'keyboard_zoom' };

export const CRITERIA: Criterion[] = [
	{ id: '1.1.1', level: 'A' },
	{ id: '1.2.1', level: 'A' },
	{ id: '1.2.2', level: 'A' },
	{ id: '1.2.3', level: 'A' },
	{ id: '1.2.4', level: 'AA' },
	{ id: '1.2.5', level: 'AA' },
	{ id: '1.3.1', level: 'A' },
	{ id: '1.3.2', level: 'A' },
	{ id: '1.3.3', level: 'A' },
	{ id: '1.4.1', level: 'A' },
	{ id: '1.4.2', level: 'A' },
	{ id: '1.4.3', level: 'AA' },
	{ id: '1.4.4', level: 'AA', e2e: 'zoom' },
	{ id: '1.4.5', level: 'AA' },
	{ id: '2.1.1', level: 'A', e2e: 'keyboard' },
	{ id: '2.1.2', level: 'A', e2e: 'keyboard' },
	{ id: '2.2.1', level: 'A' },
	{ id: '2.2.2', level: 'A' },
	{ id: '2.3.1', level: 'A' },
	{ id: '2.4.1', level: 'A', e2e: 'keyboard' },
	{ id: '2.4.2', level: 'A' },
	{ id: '2.4.3', level: 'A', e2e: 'keyboard' },
	{ id: '2.4.4', level: 'A' },
	{ id: '2.4.5', level: 'AA' },
	{ id: '2.4.6', level: 'AA' },
	{ id: '2.4.7', level: 'AA', e2e: 'keyboard' },
	{ id: '3.1.1', level: 'A' },
	{ id: '3.1.2', level: 'AA' },
	{ id: '3.2.1', level: 'A' },
	{ id: '3.2.2', level: 'A' },
	{ id: '3.2.3', level: 'AA' },
	{ id: '3.2.4', level: 'AA' },
	{ id: '3.3.1', level: 'A', e2e: 'keyboard' },
	{ id: '3.3.2', level: 'A' },
	{ id: '3.3.3', level: 'AA' },
	{ id: '3.3.4', level: 'AA' },
	{ id: '4.1.1', level: 'A' },
	{ id: '4.1.2', level: 'A' }
];

/** What the automated sweep recorded for one criterion (see tests/e2e/a11y.test.ts). */
export type Recorded = { rules: number; applicable: boolean; violations: number };

export type Verdict = 'violation' | 'no_violation' | 'undecidable';

/** Only a violation is a finding; no violation is not a claim of conformance; no rule means not tested. */
export function verdict(r: Recorded | undefined): Verdict {
	if (!r || r.rules === 0) return 'undecidable';
	return r.violations > 0 ? 'violation' : 'no_violation';
}
