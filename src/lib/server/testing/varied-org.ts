import type { Db } from '../db/client.ts';
import {
	assignment,
	attempt,
	attemptResult,
	exemption,
	moduleProgress,
	orgUnit,
	person,
	unitMembership
} from '../db/schema.ts';
import type { Recurrence } from '../../domain/assignment.ts';

/** The varied organisation's "now": 23 November 2026 (JST noon). */
export const NOW = new Date('2026-11-23T03:00:00Z');
export const SLUGS = ['security-policy', 'phishing', 'privacy', 'cloud', 'ai-use'];

/** A small deterministic random source, so a failure can be reproduced. */
export function rng(seed: number) {
	let s = seed;
	return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/**
 * An organisation 'org1' of 90 staff built to exercise reports and exports: transfers, leavers,
 * exemptions, reading progress, retakes across 年度, version-bound and one-off assignments, a
 * module assigned twice, and names Excel would misread.
 */
export async function seedVariedOrg(db: Db) {
	const r = rng(7);
	await db.insert(orgUnit).values([
		{ id: 'd1', orgId: 'org1', code: '1000', name: '総務部', kana: 'ソウムブ', kind: 'department', path: '/d1/' },
		{
			id: 'd1s1',
			orgId: 'org1',
			parentId: 'd1',
			code: '1010',
			name: '人事課',
			kana: 'ジンジカ',
			kind: 'section',
			path: '/d1/d1s1/'
		},
		{
			id: 'd1s2',
			orgId: 'org1',
			parentId: 'd1',
			code: '1020',
			name: '情報政策課, 第2係',
			kana: 'ジョウホウ',
			kind: 'section',
			path: '/d1/d1s2/'
		},
		{ id: 'd2', orgId: 'org1', code: '2000', name: '市民部', kana: 'シミンブ', kind: 'department', path: '/d2/' },
		{
			id: 'd2s1',
			orgId: 'org1',
			parentId: 'd2',
			code: '2010',
			name: '"市民"課',
			kana: 'シミンカ',
			kind: 'section',
			path: '/d2/d2s1/'
		}
	]);
	const units = ['d1s1', 'd1s2', 'd2s1', 'd2'];
	const names = ['山田 太郎', '=SUM(A1)', '佐藤, 花子', ' 鈴木 一郎', '髙橋 﨑子', '+81 田中', '渡辺 "ナベ"'];
	const people = Array.from({ length: 90 }, (_, i) => ({
		id: `q${String(i).padStart(3, '0')}`,
		orgId: 'org1',
		employeeNo: i % 17 === 5 ? `A-${i}` : String(2000 + ((i * 37) % 90)).padStart(6, '0'),
		name: names[i % names.length],
		kana: `カナ ${i}`,
		employmentType: 'regular' as const,
		jobGrade: i % 5 ? '主事' : '会計年度任用職員',
		hireDate: '2015-04-01',
		active: i % 13 !== 0
	}));
	await db.insert(person).values(people);
	const memberships: (typeof unitMembership.$inferInsert)[] = [];
	for (const [i, p] of people.entries()) {
		if (i % 11 === 0) continue; // no unit today
		const unitId = units[i % units.length];
		if (i % 7 === 0) {
			memberships.push({
				id: `um${i}a`,
				orgId: 'org1',
				personId: p.id,
				unitId: units[(i + 1) % units.length],
				startDate: '2015-04-01',
				endDate: '2026-09-30'
			});
			memberships.push({ id: `um${i}b`, orgId: 'org1', personId: p.id, unitId, startDate: '2026-10-01' });
		} else memberships.push({ id: `um${i}`, orgId: 'org1', personId: p.id, unitId, startDate: '2015-04-01' });
	}
	await db.insert(unitMembership).values(memberships);
	const assignments: (typeof assignment.$inferInsert)[] = [];
	const attempts: (typeof attempt.$inferInsert)[] = [];
	const results: (typeof attemptResult.$inferInsert)[] = [];
	const base = { orgId: 'org1', source: 'test', createdAt: NOW };
	let k = 0;
	for (const p of people) {
		for (const [j, slug] of SLUGS.entries()) {
			const x = r();
			if (x < 0.1) continue;
			const recurrence: Recurrence = j === 1 ? 'on_new_version' : j === 4 ? 'once' : 'every_fiscal_year';
			const periodKey = recurrence === 'on_new_version' ? 'v:2.0.0' : recurrence === 'once' ? 'once' : 'fy:2026';
			const due = ['2026-06-30', '2027-03-31', '2026-11-22', '2026-11-23', '2026-12-01'][Math.floor(r() * 5)];
			assignments.push({
				id: `a${k++}`,
				personId: p.id,
				moduleSlug: slug,
				mandatory: r() < 0.5,
				recurrence,
				periodKey,
				dueDate: due,
				...base
			});
			if (x > 0.9)
				assignments.push({
					id: `a${k++}`,
					personId: p.id,
					moduleSlug: slug,
					mandatory: false,
					recurrence: 'once',
					periodKey: 'once-extra',
					dueDate: '2026-08-31',
					...base
				});
			if (x > 0.95)
				assignments.push({
					id: `a${k++}`,
					personId: p.id,
					moduleSlug: slug,
					mandatory: true,
					recurrence: 'every_fiscal_year',
					periodKey: 'fy:2025',
					dueDate: '2026-03-31',
					...base
				});
			const tries = Math.floor(r() * 4);
			for (let t = 0; t < tries; t++) {
				const id = `t${k++}`;
				const fy = r() < 0.15 ? 2025 : 2026;
				const at =
					fy === 2025
						? new Date('2026-03-31T15:30:00Z')
						: new Date(Date.UTC(2026, 3 + Math.floor(r() * 7), 1 + Math.floor(r() * 28), Math.floor(r() * 24)));
				const maxScore = r() < 0.05 ? 0 : 10;
				const score = Math.floor(r() * 11);
				attempts.push({
					id,
					orgId: 'org1',
					personId: p.id,
					moduleSlug: slug,
					moduleVersion: r() < 0.5 ? '2.0.0' : '1.0.0',
					contentHash: 'x',
					fiscalYear: fy,
					passMark: 80,
					draw: [],
					startedAt: at
				});
				results.push({
					attemptId: id,
					orgId: 'org1',
					personId: p.id,
					moduleSlug: slug,
					moduleVersion: attempts.at(-1)!.moduleVersion,
					fiscalYear: fy,
					answers: {},
					score,
					maxScore,
					passed: score >= 8,
					submittedAt: at
				});
			}
		}
	}
	await db.insert(assignment).values(assignments);
	await db.insert(attempt).values(attempts);
	await db.insert(attemptResult).values(results);
	await db.insert(exemption).values(
		people
			.filter((_, i) => i % 9 === 2)
			.map((p, i) => ({
				id: `e${i}`,
				orgId: 'org1',
				personId: p.id,
				moduleSlug: i % 2 ? null : 'privacy',
				reason: 'leave',
				fromDate: '2026-10-01',
				toDate: i % 3 ? '2027-03-31' : '2026-11-01',
				createdBy: 'q001',
				createdAt: NOW
			}))
	);
	await db.insert(moduleProgress).values(
		people
			.filter((_, i) => i % 4 === 1)
			.map((p) => ({
				personId: p.id,
				moduleSlug: 'cloud',
				moduleVersion: '1.0.0',
				section: 1,
				sectionCount: 3,
				updatedAt: NOW
			}))
	);
}
