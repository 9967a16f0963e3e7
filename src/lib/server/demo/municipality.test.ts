import { describe, expect, it } from 'vitest';
import { isKatakanaName } from '../../domain/kana.ts';
import { isIsoDate } from '../../domain/japanese-date.ts';
import { buildMunicipality, DEMO_ACCOUNTS } from './municipality.ts';

const m = buildMunicipality('2026-11-23');

describe('the demo municipality', () => {
	it('has 4–6 部, 12–20 課 and about 300 staff', () => {
		const count = (kind: string) => m.units.filter((u) => u.kind === kind).length;
		expect(count('department')).toBeGreaterThanOrEqual(4);
		expect(count('department')).toBeLessThanOrEqual(6);
		expect(count('section')).toBeGreaterThanOrEqual(12);
		expect(count('section')).toBeLessThanOrEqual(20);
		expect(m.people.length).toBeGreaterThanOrEqual(270);
		expect(m.people.length).toBeLessThanOrEqual(340);
	});

	it('gives everyone a unique 6-digit 職員番号 (leading zeros kept), a katakana reading and a valid hire date', () => {
		const numbers = m.people.map((p) => p.employeeNo);
		expect(new Set(numbers).size).toBe(numbers.length);
		for (const p of m.people) {
			expect(p.employeeNo).toMatch(/^0\d{5}$/);
			expect(isKatakanaName(p.kana)).toBe(true);
			expect(isIsoDate(p.hireDate)).toBe(true);
			expect(m.units.some((u) => u.code === p.unit)).toBe(true);
		}
	});

	it('is the same every time (deterministic)', () => {
		expect(buildMunicipality('2026-11-23')).toEqual(m);
	});

	it('has one manager per 課 and the printed demo accounts', () => {
		const sections = m.units.filter((u) => u.kind === 'section').map((u) => u.code);
		for (const s of sections) {
			const managers = m.people.filter((p) => p.roles.some((r) => r.role === 'manager' && r.unit === s));
			expect(managers, `課 ${s}`).toHaveLength(1);
		}
		for (const a of DEMO_ACCOUNTS) expect(m.people.find((p) => p.employeeNo === a.employeeNo)?.name).toBe(a.name);
	});

	it('includes this 年度’s new hires, 会計年度任用職員 and staff transferred in April', () => {
		expect(m.people.filter((p) => p.tags.includes('初任者')).length).toBeGreaterThan(5);
		expect(m.people.filter((p) => p.employmentType === 'part_time_fy').length).toBeGreaterThan(20);
		expect(m.people.filter((p) => p.previousUnit).length).toBeGreaterThan(20);
	});
});
