import { describe, expect, it } from 'vitest';
import { testDb } from '../testing/db.ts';
import { NOW, seedVariedOrg, SLUGS } from '../testing/varied-org.ts';
import { personTag, trainingRecord } from '../db/schema.ts';
import { isInSubtree } from '../../domain/unit-path.ts';
import { evaluateTarget, groupSummaries, summarise, type Metric, type ScopeKind } from '../../domain/metrics.ts';
import { monthlyTrend } from '../../domain/trend.ts';
import type { ModuleFact } from '../../domain/report-facts.ts';
import { computeDashboard, type DashboardInput } from './dashboard-compute.ts';
import { buildDashboard } from './dashboard.ts';
import { type TargetDef } from './target-labels.ts';
import { loadYearData, type ReportPerson } from './year.ts';

const metrics: Metric[] = ['completion_rate', 'comprehension_rate', 'person_count', 'coverage'];
const scopes: [ScopeKind, string][] = [
	['all', ''],
	['module', 'privacy'],
	['category', '情報セキュリティ'],
	['curriculum', 'c1'],
	['tag', '新任']
];
// every metric over every kind of scope
const targets: TargetDef[] = metrics.flatMap((metric, i) =>
	scopes.map(([scopeKind, scopeValue], j) => ({
		id: `t${i}${j}`,
		name: `${metric} ${scopeKind}`,
		metric,
		scopeKind,
		scopeValue,
		threshold: metric === 'person_count' ? 10 : 80,
		baseline: null,
		source: null
	}))
);
const modules = SLUGS.map((slug) => ({
	slug,
	title: `研修 ${slug}`,
	category: slug === 'privacy' ? '個人情報' : '情報セキュリティ',
	stems: new Map([['q1', `${slug} の問 1`]])
}));
const curricula: [string, { name: string; slugs: string[] }][] = [
	['c1', { name: '新任職員研修', slugs: ['security-policy', 'phishing'] }]
];

async function seeded() {
	const db = await testDb();
	await seedVariedOrg(db);
	await db
		.insert(personTag)
		.values(Array.from({ length: 30 }, (_, i) => ({ personId: `q${String(i * 3).padStart(3, '0')}`, tag: '新任' })));
	await db.insert(trainingRecord).values(
		Array.from({ length: 12 }, (_, i) => ({
			id: `tr${i}`,
			orgId: 'org1',
			personId: `q${String(i * 7).padStart(3, '0')}`,
			kind: 'classroom' as const,
			title: `集合研修 ${i}`,
			category: i % 2 ? '情報セキュリティ' : '個人情報',
			date: '2026-07-01',
			fiscalYear: 2026,
			createdBy: 'q001',
			createdAt: NOW
		}))
	);
	return db;
}

/**
 * The dashboard before it was summed a page at a time (issue #7), kept as the reference: every
 * figure from all the facts at once, with the metric functions metrics.test.ts checks.
 */
function reference(data: Awaited<ReturnType<typeof loadYearData>>, paths: string[] | null) {
	const inView = (p: ReportPerson | undefined) =>
		!!p && (paths === null || (p.unitPath !== null && paths.some((s) => isInSubtree(p.unitPath!, s))));
	const facts = data.facts.filter((f) => inView(data.people.get(f.personId)));
	const targetResults = targets.map((t) => {
		const slugs =
			t.scopeKind === 'module'
				? [t.scopeValue]
				: t.scopeKind === 'category'
					? modules.filter((x) => x.category === t.scopeValue).map((x) => x.slug)
					: t.scopeKind === 'curriculum'
						? curricula[0][1].slugs
						: null;
		const personOk = (p: ReportPerson | undefined) =>
			inView(p) && (t.scopeKind !== 'tag' || p!.tags.includes(t.scopeValue));
		const scoped = data.facts.filter(
			(f) => (slugs === null || slugs.includes(f.moduleSlug)) && personOk(data.people.get(f.personId))
		);
		const exempt = new Set(scoped.filter((f) => f.exempt).map((f) => f.personId));
		const population = [...data.people.values()]
			.filter((p) => p.active && personOk(p) && !exempt.has(p.id))
			.map((p) => p.id);
		const extraCount = data.training.filter(
			(r) =>
				personOk(data.people.get(r.personId)) &&
				(t.scopeKind === 'category' ? r.category === t.scopeValue : t.scopeKind === 'all' || t.scopeKind === 'tag')
		).length;
		return evaluateTarget(t, scoped, data.people, data.today, { population, extraCount });
	});
	return {
		overall: summarise(facts, data.people, data.today),
		trend: monthlyTrend(facts, data.people, data.fiscalYear, data.today),
		depts: Object.fromEntries(groupSummaries(facts, data.people, (p) => p.deptId, data.today)),
		units: Object.fromEntries(groupSummaries(facts, data.people, (p) => p.unitId, data.today)),
		grades: Object.fromEntries(groupSummaries(facts, data.people, (p) => p.jobGrade, data.today)),
		modules: Object.fromEntries(
			SLUGS.map((slug) => [slug, facts.filter((f) => f.moduleSlug === slug)])
				.filter(([, list]) => list.length > 0)
				.map(([slug, list]) => [slug, summarise(list as ModuleFact[], data.people, data.today)])
		),
		targets: targetResults
	};
}

describe('the dashboard summed a page of staff at a time', () => {
	it('has the figures of all the facts at once, for the whole organisation and a 課長, with page boundaries anywhere', async () => {
		const db = await seeded();
		const base: DashboardInput = {
			orgId: 'org1',
			fiscalYear: 2026,
			now: NOW.toISOString(),
			scopePaths: null,
			targets,
			locale: 'ja',
			modules,
			curricula
		};
		for (const paths of [null, ['/d1/d1s2/'], ['/d2/']]) {
			const input = { ...base, scopePaths: paths };
			const data = await loadYearData(db, 'org1', 2026, NOW, paths);
			const all = buildDashboard(data, targets, { paths }, modules, new Map(curricula), 'ja');
			// one page, pages of 7 (people split anywhere) and of 1
			for (const pageSize of [1000, 7, 1]) expect(await computeDashboard(db, input, pageSize)).toEqual(all);

			const ref = reference(data, paths);
			expect(all.overall).toEqual(ref.overall);
			expect(all.trend).toEqual(ref.trend);
			expect(Object.fromEntries(all.depts.map((d) => [d.id, d.summary]))).toEqual(ref.depts);
			const sections = all.depts.flatMap((d) => d.sections);
			for (const s of sections) expect(s.summary).toEqual(ref.units[s.id]);
			expect(Object.fromEntries(all.byGrade.map((g) => [g.grade, g.summary]))).toEqual(ref.grades);
			expect(Object.fromEntries(all.byModule.map((x) => [x.slug, x.summary]))).toEqual(ref.modules);
			expect(all.targets.map((t) => t.result)).toEqual(ref.targets);
			// the data is not trivial: people behind, and every target with something to count
			expect(all.overall.assigned).toBeGreaterThan(paths ? 10 : 100);
			expect(all.behind.overdueCount + all.behind.notStartedCount).toBeGreaterThan(0);
			expect(all.targets.every((t) => t.result.numerator > 0)).toBe(true);
		}
	}, 60_000);

	it('lists 職階 from the top down and people behind in a fixed order', async () => {
		const db = await seeded();
		const view = await computeDashboard(
			db,
			{
				orgId: 'org1',
				fiscalYear: 2026,
				now: NOW.toISOString(),
				scopePaths: null,
				targets: [],
				locale: 'ja',
				modules,
				curricula
			},
			5
		);
		expect(view.byGrade.map((g) => g.grade)).toEqual(['主事', '会計年度任用職員']);
		const { overdue, notStarted } = view.behind;
		const byName = (a: (typeof overdue)[number], b: (typeof overdue)[number]) =>
			a.kana.localeCompare(b.kana, 'ja') || a.employeeNo.localeCompare(b.employeeNo);
		expect(overdue.length).toBeGreaterThan(5);
		expect(notStarted.length).toBeGreaterThan(5);
		expect(overdue).toEqual([...overdue].sort((a, b) => b.overdue.length - a.overdue.length || byName(a, b)));
		expect(notStarted).toEqual([...notStarted].sort(byName));
		for (const r of [...overdue, ...notStarted]) {
			expect(r.overdue).toEqual([...r.overdue].sort());
			expect(r.notStarted).toEqual([...r.notStarted].sort());
		}
	}, 60_000);
});
