import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { auditEvent, curriculumItem } from './db/schema.ts';
import { testDb } from './testing/db.ts';
import { evaluateAssignments } from './assignments.ts';
import { getCurriculum, listCurricula, saveCurriculum, storedCriteria } from './curricula.ts';

const versions = new Map([
	['security-policy', '1.0.0'],
	['onboarding', '1.0.0']
]);
const actor = { id: 'p1', orgId: 'org1' };
const item = {
	moduleSlug: 'security-policy',
	mandatory: true,
	due: { kind: 'fiscal_year_end' as const },
	recurrence: 'every_fiscal_year' as const
};
let db: Db;
beforeEach(async () => {
	db = await testDb();
});

describe('curricula', () => {
	it('creates a curriculum, which the next evaluation assigns, and lists how many staff it reached', async () => {
		const id = await saveCurriculum(
			db,
			actor,
			null,
			{ name: '全職員', active: true, criteria: {}, items: [item] },
			'127.0.0.1'
		);
		expect(id).toBeTruthy();
		await evaluateAssignments(db, 'org1', '2026-05-01', versions);
		const [c] = await listCurricula(db, 'org1');
		expect(c).toMatchObject({ id, name: '全職員', active: true, items: [item], assignedPeople: 2 });
	});

	it('replaces the modules of an edited curriculum and audits the before and after in the same transaction', async () => {
		const id = (await saveCurriculum(db, actor, null, { name: 'A', active: true, criteria: {}, items: [item] }, null))!;
		const onboarding = {
			moduleSlug: 'onboarding',
			mandatory: false,
			due: { kind: 'after_hire' as const, days: 30 },
			recurrence: 'once' as const
		};
		await saveCurriculum(
			db,
			actor,
			id,
			{ name: 'B', active: false, criteria: { jobGrades: ['課長'] }, items: [onboarding] },
			null
		);
		expect(await getCurriculum(db, 'org1', id)).toEqual({
			id,
			name: 'B',
			active: false,
			criteria: { jobGrades: ['課長'] },
			items: [onboarding]
		});
		expect(await db.select().from(curriculumItem).where(eq(curriculumItem.curriculumId, id))).toHaveLength(1);
		const events = await db.select().from(auditEvent).where(eq(auditEvent.targetId, id));
		expect(events.map((e) => e.action)).toEqual(['curriculum.created', 'curriculum.updated']);
		expect(JSON.parse(events[1].before!)).toMatchObject({ name: 'A', active: true, criteria: {} });
		expect(JSON.parse(events[1].after!)).toMatchObject({ name: 'B', criteria: { jobGrades: ['課長'] } });
	});

	it('an inactive curriculum assigns nobody; another organisation’s curriculum cannot be read or edited', async () => {
		const id = (await saveCurriculum(
			db,
			actor,
			null,
			{ name: 'A', active: false, criteria: {}, items: [item] },
			null
		))!;
		expect(await evaluateAssignments(db, 'org1', '2026-05-01', versions)).toBe(0);
		expect(await getCurriculum(db, 'org2', id)).toBeNull();
		expect(
			await saveCurriculum(
				db,
				{ id: 'x', orgId: 'org2' },
				id,
				{ name: 'hijack', active: true, criteria: {}, items: [item] },
				null
			)
		).toBeNull();
		expect((await getCurriculum(db, 'org1', id))?.name).toBe('A');
	});

	it('stores unit choices as subtree paths and reads them back as ids', () => {
		const paths = new Map([['u1', '/d1/u1/']]);
		expect(storedCriteria({ unitIds: ['u1', 'gone'], jobGrades: ['課長'] }, (u) => paths.get(u))).toEqual({
			jobGrades: ['課長'],
			unitPaths: ['/d1/u1/']
		});
		expect(storedCriteria({ unitIds: [] }, () => undefined)).toEqual({});
	});
});
