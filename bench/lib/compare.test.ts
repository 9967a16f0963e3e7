import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { change, compareRows, renderComparison, verdict, type BenchRun, type Row } from './compare.ts';

const run = JSON.parse(readFileSync('bench/results/2026-11-24.json', 'utf8')) as BenchRun;

describe('comparing two bench runs', () => {
	it('gives the change as a signed percentage', () => {
		expect(change(100, 112)).toBe('+12 %');
		expect(change(200, 150)).toBe('−25 %');
		expect(change(100, 100)).toBe('±0 %');
		expect(change(null, 5)).toBe('—');
	});

	it('calls a change better or worse by the figure’s direction, beyond the noise', () => {
		const row = (before: number, after: number, higherIsBetter: boolean): Row => ({
			group: 'g',
			name: 'n',
			before,
			after,
			unit: '',
			higherIsBetter
		});
		expect(verdict(row(100, 130, true))).toBe('better');
		expect(verdict(row(100, 130, false))).toBe('worse');
		expect(verdict(row(100, 105, false))).toBe('same');
		expect(verdict(row(0, 3, false))).toBe('worse');
	});

	it('reads every figure of a real run, and a run against itself changes nothing', () => {
		const rows = compareRows(run, run);
		expect(rows.find((r) => r.name === 'bare node:http')?.before).toBe(51097);
		expect(rows.find((r) => r.group === '30,000 staff' && r.name === 'dashboard, cold')?.after).toBe(4412);
		expect(rows.find((r) => r.group === 'exam day, 10,000 staff' && r.name === 'finished in')?.before).toBe(137.2);
		expect(rows.every((r) => r.before !== null && r.before === r.after)).toBe(true);
		const md = renderComparison(run, run, rows);
		expect(md).toContain('| module page | 573 req/s | 573 req/s | ±0 % | same |');
	});
});
