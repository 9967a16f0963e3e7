import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { curriculum, curriculumItem, person, personTag } from './db/schema.ts';
import { testDb } from './testing/db.ts';
import { evaluateAssignments, listMyAssignments } from './assignments.ts';

const versions = new Map([
	['security-policy', '1.0.0'],
	['dx-management', '1.0.0']
]);
let db: Db;

beforeEach(async () => {
	db = await testDb();
	await db.insert(curriculum).values([
		{ id: 'c1', orgId: 'org1', name: '全職員', criteria: {}, createdAt: new Date() },
		{ id: 'c2', orgId: 'org1', name: '管理職', criteria: { jobGrades: ['課長'] }, createdAt: new Date() }
	]);
	await db.insert(curriculumItem).values([
		{
			id: 'i1',
			curriculumId: 'c1',
			moduleSlug: 'security-policy',
			mandatory: true,
			due: { kind: 'fiscal_year_end' },
			recurrence: 'every_fiscal_year'
		},
		{
			id: 'i2',
			curriculumId: 'c2',
			moduleSlug: 'dx-management',
			mandatory: true,
			due: { kind: 'after_transfer', days: 30 },
			recurrence: 'once'
		}
	]);
});

describe('evaluateAssignments', () => {
	it('assigns by rule once per period and picks up promotions on the next run', async () => {
		expect(await evaluateAssignments(db, 'org1', '2026-05-01', versions)).toBe(2);
		expect(await evaluateAssignments(db, 'org1', '2026-06-01', versions)).toBe(0);
		await db.update(person).set({ jobGrade: '課長' }).where(eq(person.id, 'p1'));
		expect(await evaluateAssignments(db, 'org1', '2026-06-01', versions)).toBe(1);
		// a new 年度 brings a new annual assignment for everyone
		expect(await evaluateAssignments(db, 'org1', '2027-04-01', versions)).toBe(2);
	});

	it('never assigns to inactive staff, and lists a person’s current assignments with status', async () => {
		await db.update(person).set({ active: false }).where(eq(person.id, 'p2'));
		await db.insert(personTag).values({ personId: 'p1', tag: '窓口' });
		await evaluateAssignments(db, 'org1', '2026-05-01', versions);
		expect(await listMyAssignments(db, 'p2', '2026-05-01', versions)).toEqual([]);
		const mine = await listMyAssignments(db, 'p1', '2026-05-01', versions);
		expect(mine.map((a) => [a.moduleSlug, a.dueDate, a.status])).toEqual([
			['security-policy', '2027-03-31', 'not_started']
		]);
		const later = await listMyAssignments(db, 'p1', '2027-04-02', versions);
		expect(later).toEqual([]);
	});
});
