import { describe, expect, it } from 'vitest';
import { assignment, attempt, attemptResult, orgUnit, person, unitMembership } from '../db/schema.ts';
import { testDb } from '../testing/db.ts';
import { personAssignmentPages, PERSON_ASSIGNMENT_HEADER } from './person-assignments.ts';

const NOW = new Date('2026-11-23T03:00:00Z');

async function collect(gen: AsyncGenerator<unknown[][]>) {
	const rows: unknown[][] = [];
	for await (const page of gen) rows.push(...page);
	return rows;
}

describe('personAssignmentPages', () => {
	it('writes one row per person and assigned module with status, attempts and best score, page by page and in scope', async () => {
		const db = await testDb();
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
			source: 'test',
			createdAt: NOW
		};
		await db.insert(assignment).values([
			{ id: 'a1', personId: 'p1', dueDate: '2027-03-31', ...base },
			{ id: 'a2', personId: 'p2', dueDate: '2026-10-31', ...base },
			{ id: 'a3', personId: 'p3', dueDate: '2027-03-31', ...base },
			{ id: 'a4', personId: 'p1', dueDate: '2025-03-31', ...base, periodKey: 'fy:2024' }
		]);
		await db.insert(attempt).values({
			id: 't1',
			orgId: 'org1',
			personId: 'p1',
			moduleSlug: 'security-policy',
			moduleVersion: '1.0.0',
			contentHash: 'x',
			fiscalYear: 2026,
			passMark: 80,
			draw: [],
			startedAt: NOW
		});
		await db.insert(attemptResult).values({
			attemptId: 't1',
			orgId: 'org1',
			personId: 'p1',
			moduleSlug: 'security-policy',
			moduleVersion: '1.0.0',
			fiscalYear: 2026,
			answers: {},
			score: 9,
			maxScore: 10,
			passed: true,
			submittedAt: new Date('2026-06-01T01:00:00Z')
		});

		const all = await collect(
			personAssignmentPages(db, {
				orgId: 'org1',
				fiscalYear: 2026,
				scopePaths: null,
				titleOf: () => '情報セキュリティ',
				pageSize: 1,
				now: NOW
			})
		);
		expect(PERSON_ASSIGNMENT_HEADER).toHaveLength(15);
		expect(all).toEqual([
			[
				'令和8年度（2026年度）',
				{ code: '000101' },
				'山田 太郎',
				'ヤマダ タロウ',
				'総務課',
				'総務課',
				'主事',
				'在職',
				'情報セキュリティ',
				'必修',
				'2027-03-31',
				'合格',
				1,
				90,
				'2026-06-01'
			],
			[
				'令和8年度（2026年度）',
				{ code: '000102' },
				'佐藤 花子',
				'サトウ ハナコ',
				'総務課',
				'総務課',
				'主事',
				'在職',
				'情報セキュリティ',
				'必修',
				'2026-10-31',
				'期限切れ',
				0,
				null,
				null
			],
			[
				'令和8年度（2026年度）',
				{ code: '000103' },
				'鈴木 一郎',
				'スズキ イチロウ',
				'税務課',
				'税務課',
				'主事',
				'在職',
				'情報セキュリティ',
				'必修',
				'2027-03-31',
				'未着手',
				0,
				null,
				null
			]
		]);
		const scoped = await collect(
			personAssignmentPages(db, { orgId: 'org1', fiscalYear: 2026, scopePaths: ['/u2/'], titleOf: (s) => s, now: NOW })
		);
		expect(scoped.map((r) => r[2])).toEqual(['鈴木 一郎']);
		const otherOrg = await collect(
			personAssignmentPages(db, { orgId: 'org2', fiscalYear: 2026, scopePaths: null, titleOf: (s) => s, now: NOW })
		);
		expect(otherOrg).toEqual([]);
	});
});
