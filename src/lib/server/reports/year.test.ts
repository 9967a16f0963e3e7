import { describe, expect, it } from 'vitest';
import { assignment, orgUnit, person, unitMembership } from '../db/schema.ts';
import { testDb } from '../testing/db.ts';
import { loadYearData } from './year.ts';

describe('loadYearData', () => {
	it('reads a 年度 for the whole organisation, or only the people of a 課長’s units', async () => {
		const db = await testDb();
		const now = new Date('2026-11-23T03:00:00Z');
		await db.insert(orgUnit).values({
			id: 'u2',
			orgId: 'org1',
			code: '200',
			name: '税務課',
			kana: 'ゼイムカ',
			kind: 'section',
			path: '/u2/'
		});
		await db.insert(person).values({
			id: 'p3',
			orgId: 'org1',
			employeeNo: '000103',
			name: '鈴木 一郎',
			kana: 'スズキ イチロウ',
			employmentType: 'regular',
			jobGrade: '主事',
			hireDate: '2020-04-01'
		});
		await db
			.insert(unitMembership)
			.values({ id: 'm3', orgId: 'org1', personId: 'p3', unitId: 'u2', startDate: '2020-04-01' });
		const base = {
			orgId: 'org1',
			moduleSlug: 'security-policy',
			mandatory: true,
			recurrence: 'every_fiscal_year' as const,
			periodKey: 'fy:2026',
			dueDate: '2027-03-31',
			source: 'test',
			createdAt: now
		};
		await db.insert(assignment).values([
			{ id: 'a1', personId: 'p1', ...base },
			{ id: 'a3', personId: 'p3', ...base },
			{ id: 'a9', personId: 'p2', ...base, dueDate: '2026-03-31', periodKey: 'fy:2025' }
		]);

		const all = await loadYearData(db, 'org1', 2026, now);
		expect(all.facts.map((f) => f.personId).sort()).toEqual(['p1', 'p3']);
		expect(all.people.get('p3')).toMatchObject({ unitId: 'u2', deptId: 'u2', unitPath: '/u2/', name: '鈴木 一郎' });
		expect(all.refDate).toBe('2026-11-23');

		const scoped = await loadYearData(db, 'org1', 2026, now, ['/u2/']);
		expect(scoped.facts.map((f) => f.personId)).toEqual(['p3']);
		expect([...scoped.people.keys()]).toEqual(['p3']);

		const past = await loadYearData(db, 'org1', 2025, now);
		expect(past.refDate).toBe('2026-03-31');
		expect(past.facts.map((f) => f.personId)).toEqual(['p2']);
	});
});
