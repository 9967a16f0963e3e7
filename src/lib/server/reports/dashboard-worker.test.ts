import { describe, expect, it } from 'vitest';
import { testDb } from '../testing/db.ts';
import { buildWorkers } from '../testing/built-workers.ts';
import { NOW, seedVariedOrg, SLUGS } from '../testing/varied-org.ts';
import { runWorker } from '../workers.ts';
import { computeDashboard, type DashboardInput, type DashboardView } from './dashboard-compute.ts';
import type { TargetDef } from './target-labels.ts';

const targets: TargetDef[] = [
	{
		id: 't1',
		name: '情報セキュリティ理解度',
		metric: 'comprehension_rate',
		scopeKind: 'module',
		scopeValue: 'security-policy',
		threshold: 100,
		baseline: 80,
		source: '盛岡市'
	},
	{
		id: 't2',
		name: '新任研修の修了',
		metric: 'completion_rate',
		scopeKind: 'curriculum',
		scopeValue: 'c1',
		threshold: 90,
		baseline: null,
		source: null
	}
];

describe('a dashboard computed in a worker thread', () => {
	it('is the dashboard computed in this thread, for the whole organisation and a 課長 scope, in both languages', async () => {
		const db = await testDb();
		await seedVariedOrg(db);
		const file = String((await db.$client.execute('PRAGMA database_list')).rows[0].file);
		const worker = buildWorkers()('dashboard-worker');
		const base: DashboardInput = {
			orgId: 'org1',
			fiscalYear: 2026,
			now: NOW.toISOString(),
			scopePaths: null,
			targets,
			locale: 'ja',
			modules: SLUGS.map((slug) => ({
				slug,
				title: `研修 ${slug}`,
				category: slug === 'privacy' ? '個人情報' : '情報セキュリティ',
				stems: new Map([['q1', `${slug} の問 1`]])
			})),
			curricula: [['c1', { name: '新任職員研修', slugs: ['security-policy', 'phishing'] }]]
		};
		for (const input of [base, { ...base, scopePaths: ['/d1/d1s2/'] }, { ...base, locale: 'en' as const }]) {
			const here = await computeDashboard(db, input);
			const there = await runWorker<DashboardView>(worker, { databaseUrl: `file:${file}`, input }, {});
			expect(there).toEqual(here);
			expect(there.computedAt).toEqual(NOW);
			// the data is not trivial: people behind, targets with a denominator
			expect(here.overall.assigned).toBeGreaterThan(50);
			expect(here.targets.every((t) => (t.result.denominator ?? 0) > 0)).toBe(true);
		}
		// a worker that cannot compute (no such organisation's database) is an error, not an empty dashboard
		await expect(runWorker(worker, { databaseUrl: 'file:/nonexistent/dir/x.db', input: base }, {})).rejects.toThrow();
	}, 60_000);
});
