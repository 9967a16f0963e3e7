import { describe, expect, it } from 'vitest';
import { cpuPerRequest, percentile, percentiles, perSecond, ratio } from './stats.ts';

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('percentiles (nearest rank)', () => {
	it('of 1…100: p50 is 50, p95 is 95, p99 is 99, max 100', () => {
		expect(percentiles(oneTo(100))).toEqual({ n: 100, p50: 50, p95: 95, p99: 99, max: 100 });
	});
	it('does not depend on the order of the samples', () => {
		expect(percentiles([...oneTo(100)].reverse())).toEqual(percentiles(oneTo(100)));
	});
	it('of 1…1000: p99 is 990; one slow request in a thousand does not move p99, eleven do', () => {
		expect(percentiles(oneTo(1000)).p99).toBe(990);
		expect(percentiles([...Array(999).fill(10), 5000]).p99).toBe(10);
		expect(percentiles([...Array(989).fill(10), ...Array(11).fill(5000)]).p99).toBe(5000);
	});
	it('of one sample is that sample; of none is 0', () => {
		expect(percentiles([7.4])).toEqual({ n: 1, p50: 7, p95: 7, p99: 7, max: 7 });
		expect(percentiles([])).toEqual({ n: 0, p50: 0, p95: 0, p99: 0, max: 0 });
		expect(percentile([], 50)).toBe(0);
	});
	it('p0 is the smallest and p100 the largest sample', () => {
		expect(percentile([3, 5, 9], 0)).toBe(3);
		expect(percentile([3, 5, 9], 100)).toBe(9);
	});
});

describe('rates and ratios', () => {
	it('counts per second over the elapsed time', () => {
		expect(perSecond(2000, 8000)).toBe(250);
		expect(perSecond(121, 1000)).toBe(121);
		expect(perSecond(5, 0)).toBe(0);
	});
	it('gives a ratio to the baseline with one decimal', () => {
		expect(ratio(121, 3547)).toBe('3.4%');
		expect(ratio(9041, 36164)).toBe('25%');
		expect(ratio(1, 3)).toBe('33.3%');
		expect(ratio(5, 0)).toBe('—');
	});
	it('gives server CPU per request, or nothing when it could not be read', () => {
		expect(cpuPerRequest(1000, 3000, 1000)).toBe(2);
		expect(cpuPerRequest(0, 1234, 1000)).toBe(1.23);
		expect(cpuPerRequest(null, 3000, 10)).toBeNull();
		expect(cpuPerRequest(0, 10, 0)).toBeNull();
	});
});
