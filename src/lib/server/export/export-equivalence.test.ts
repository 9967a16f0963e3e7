/**
 * The 個人別受講状況 export was rewritten for speed (issue #7); this pins its bytes to the
 * implementation it replaced (kept below, frozen, as `referencePages`) on a varied organisation:
 * transfers, leavers, exemptions, reading progress, retakes across 年度, version-bound and
 * one-off assignments, a module assigned twice, and names Excel would misread.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { and, asc, eq, gt, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { jsonRows } from '../db/json-rows';
import { assignment, attempt, attemptResult, exemption, moduleProgress, orgUnit, person, unitMembership } from '../db/schema';
import { testDb } from '../testing/db';
import { isInSubtree } from '../../domain/access';
import { ASSIGNMENT_STATUS_LABELS, passCounts, type Recurrence } from '../../domain/assignment';
import { fiscalYearRange, formatFiscalYear, toJstDate } from '../../domain/japanese-date';
import { factStatus, type ModuleFact } from '../../domain/report-facts';
import { readAssignmentRows, readOrgAssignmentRows, readOrgResultRows, readResultRows } from '../reports/fact-rows';
import { csvRow, csvStream, type Cell, type CsvEncoding } from './csv';
import { personAssignmentPages, PERSON_ASSIGNMENT_HEADER } from './person-assignments';

const NOW = new Date('2026-11-23T03:00:00Z');
const SLUGS = ['security-policy', 'phishing', 'privacy', 'cloud', 'ai-use'];

/** A small deterministic random source, so a failure can be reproduced. */
function rng(seed: number) {
	let s = seed;
	return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

async function seed(db: Db) {
	const r = rng(7);
	await db.insert(orgUnit).values([
		{ id: 'd1', orgId: 'org1', code: '1000', name: '総務部', kana: 'ソウムブ', kind: 'department', path: '/d1/' },
		{ id: 'd1s1', orgId: 'org1', parentId: 'd1', code: '1010', name: '人事課', kana: 'ジンジカ', kind: 'section', path: '/d1/d1s1/' },
		{ id: 'd1s2', orgId: 'org1', parentId: 'd1', code: '1020', name: '情報政策課, 第2係', kana: 'ジョウホウ', kind: 'section', path: '/d1/d1s2/' },
		{ id: 'd2', orgId: 'org1', code: '2000', name: '市民部', kana: 'シミンブ', kind: 'department', path: '/d2/' },
		{ id: 'd2s1', orgId: 'org1', parentId: 'd2', code: '2010', name: '"市民"課', kana: 'シミンカ', kind: 'section', path: '/d2/d2s1/' }
	]);
	const units = ['d1s1', 'd1s2', 'd2s1', 'd2'];
	const names = ['山田 太郎', '=SUM(A1)', '佐藤, 花子', ' 鈴木 一郎', '髙橋 﨑子', '+81 田中', '渡辺 "ナベ"'];
	const people = Array.from({ length: 90 }, (_, i) => ({
		id: `q${String(i).padStart(3, '0')}`, orgId: 'org1', employeeNo: i % 17 === 5 ? `A-${i}` : String(2000 + ((i * 37) % 90)).padStart(6, '0'),
		name: names[i % names.length], kana: `カナ ${i}`, employmentType: 'regular' as const, jobGrade: i % 5 ? '主事' : '会計年度任用職員',
		hireDate: '2015-04-01', active: i % 13 !== 0
	}));
	await db.insert(person).values(people);
	const memberships: (typeof unitMembership.$inferInsert)[] = [];
	for (const [i, p] of people.entries()) {
		if (i % 11 === 0) continue; // no unit today
		const unitId = units[i % units.length];
		if (i % 7 === 0) {
			memberships.push({ id: `um${i}a`, orgId: 'org1', personId: p.id, unitId: units[(i + 1) % units.length], startDate: '2015-04-01', endDate: '2026-09-30' });
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
			assignments.push({ id: `a${k++}`, personId: p.id, moduleSlug: slug, mandatory: r() < 0.5, recurrence, periodKey, dueDate: due, ...base });
			if (x > 0.9) assignments.push({ id: `a${k++}`, personId: p.id, moduleSlug: slug, mandatory: false, recurrence: 'once', periodKey: 'once-extra', dueDate: '2026-08-31', ...base });
			if (x > 0.95) assignments.push({ id: `a${k++}`, personId: p.id, moduleSlug: slug, mandatory: true, recurrence: 'every_fiscal_year', periodKey: 'fy:2025', dueDate: '2026-03-31', ...base });
			const tries = Math.floor(r() * 4);
			for (let t = 0; t < tries; t++) {
				const id = `t${k++}`;
				const fy = r() < 0.15 ? 2025 : 2026;
				const at = fy === 2025 ? new Date('2026-03-31T15:30:00Z') : new Date(Date.UTC(2026, 3 + Math.floor(r() * 7), 1 + Math.floor(r() * 28), Math.floor(r() * 24)));
				const maxScore = r() < 0.05 ? 0 : 10;
				const score = Math.floor(r() * 11);
				attempts.push({ id, orgId: 'org1', personId: p.id, moduleSlug: slug, moduleVersion: r() < 0.5 ? '2.0.0' : '1.0.0', contentHash: 'x', fiscalYear: fy, passMark: 80, draw: [], startedAt: at });
				results.push({ attemptId: id, orgId: 'org1', personId: p.id, moduleSlug: slug, moduleVersion: attempts.at(-1)!.moduleVersion, fiscalYear: fy, answers: {}, score, maxScore, passed: score >= 8, submittedAt: at });
			}
		}
	}
	await db.insert(assignment).values(assignments);
	await db.insert(attempt).values(attempts);
	await db.insert(attemptResult).values(results);
	await db.insert(exemption).values(people.filter((_, i) => i % 9 === 2).map((p, i) => ({ id: `e${i}`, orgId: 'org1', personId: p.id, moduleSlug: i % 2 ? null : 'privacy', reason: 'leave', fromDate: '2026-10-01', toDate: i % 3 ? '2027-03-31' : '2026-11-01', createdBy: 'q001', createdAt: NOW })));
	await db.insert(moduleProgress).values(people.filter((_, i) => i % 4 === 1).map((p) => ({ personId: p.id, moduleSlug: 'cloud', moduleVersion: '1.0.0', section: 1, sectionCount: 3, updatedAt: NOW })));
}

async function bytes(stream: ReadableStream<Uint8Array>) {
	return Buffer.from(await new Response(stream).arrayBuffer());
}

describe('個人別受講状況 export', () => {
	it('writes the same bytes as the implementation it replaced, whole, scoped, per module and in both encodings', async () => {
		const db = await testDb();
		await seed(db);
		const titleOf = (s: string) => (s === 'privacy' ? '個人情報, 保護' : `研修 ${s}`);
		const cases = [
			{ scopePaths: null, pageSize: 7 },
			{ scopePaths: null, pageSize: 2000 },
			{ scopePaths: ['/d1/d1s2/'], pageSize: 5 },
			{ scopePaths: ['/d1/', '/d2/d2s1/'], pageSize: 13 },
			{ scopePaths: null, moduleSlug: 'cloud', pageSize: 10 }
		];
		let rows = 0;
		for (const c of cases) {
			for (const encoding of ['utf-8', 'shift_jis'] as CsvEncoding[]) {
				const opts = { orgId: 'org1', fiscalYear: 2026, titleOf, now: NOW, ...c };
				const got = await bytes(csvStream(PERSON_ASSIGNMENT_HEADER, personAssignmentPages(db, opts), encoding));
				const want = await bytes(referenceStream(PERSON_ASSIGNMENT_HEADER, referencePages(db, opts), encoding));
				expect(got.equals(want), JSON.stringify({ ...c, encoding })).toBe(true);
				rows += want.toString('latin1').split('\r\n').length - 2;
			}
		}
		// the data really exercises the export: hundreds of rows, every state
		expect(rows).toBeGreaterThan(1000);
		const all = (await bytes(referenceStream(PERSON_ASSIGNMENT_HEADER, referencePages(db, { orgId: 'org1', fiscalYear: 2026, scopePaths: null, titleOf, now: NOW }), 'utf-8'))).toString('utf8');
		for (const label of Object.values(ASSIGNMENT_STATUS_LABELS)) expect(all).toContain(`,${label},`);
	});

	it('reads a whole organisation in chunks with the same rows as one read (what the dashboard reads)', async () => {
		const db = await testDb();
		await seed(db);
		const range = { start: '2026-04-01', end: '2027-03-31' };
		const sortKey = (x: object) => JSON.stringify(x);
		const oneRead = await readAssignmentRows(db, sql`org_id = ${'org1'}`, range);
		const chunked = await readOrgAssignmentRows(db, 'org1', range, 7);
		expect(oneRead.length).toBeGreaterThan(300);
		expect(chunked.map(sortKey).sort()).toEqual(oneRead.map(sortKey).sort());
		const results = await readResultRows(db, sql`org_id = ${'org1'}`, 2026);
		const chunkedResults = await readOrgResultRows(db, 'org1', 2026, 7);
		expect(results.length).toBeGreaterThan(300);
		expect(chunkedResults.map(sortKey).sort()).toEqual(results.map(sortKey).sort());
		// oldest first, as the first attempt decides first-attempt comprehension
		expect(chunkedResults.map((r) => r.submittedOn)).toEqual(results.map((r) => r.submittedOn));
		expect(await readOrgAssignmentRows(db, 'org2', range, 7)).toEqual([]);
	});

	it('quotes and neutralises cells exactly as before, for any mix of the characters that matter', () => {
		const r = rng(11);
		const alphabet = ['a', '1', '漢', 'ｶ', ' ', '\u3000', '\t', '\r', '\n', '"', ',', '=', '+', '-', '@', "'", '\u0001', '\u007f'];
		for (let i = 0; i < 5000; i++) {
			const cells: Cell[] = Array.from({ length: 1 + Math.floor(r() * 4) }, () => Array.from({ length: Math.floor(r() * 5) }, () => alphabet[Math.floor(r() * alphabet.length)]).join(''));
			cells.push({ code: String(cells[0]) }, Math.floor(r() * 100) / 10, null);
			expect(csvRow(cells), JSON.stringify(cells)).toBe(csvRowRef(cells));
		}
	});
});

// ---- the implementation before issue #7, frozen ----

async function readAssignmentRowsRef(db: Db, where: SQL, range: { start: string; end: string }) {
	const rows = await jsonRows<[string, string, number, string, string, string]>(db, sql`SELECT json_group_array(json_array(person_id, module_slug, mandatory, due_date, recurrence, period_key)) AS j
			FROM assignment WHERE ${where} AND due_date BETWEEN ${range.start} AND ${range.end}`);
	return rows.map(([personId, moduleSlug, mandatory, dueDate, recurrence, periodKey]) => ({ personId, moduleSlug, mandatory: mandatory === 1, dueDate, recurrence: recurrence as Recurrence, periodKey }));
}

async function readResultRowsRef(db: Db, where: SQL, fiscalYear: number) {
	const rows = await jsonRows<[string, string, string, number, number, number, number]>(db, sql`SELECT json_group_array(json_array(person_id, module_slug, module_version, passed, score, max_score, submitted_at)) AS j
			FROM (SELECT * FROM attempt_result WHERE ${where} AND fiscal_year = ${fiscalYear} ORDER BY submitted_at)`);
	return rows.map(([personId, moduleSlug, moduleVersion, passed, score, maxScore, submittedAt]) => ({ personId, moduleSlug, moduleVersion, passed: passed === 1, score, maxScore, submittedOn: toJstDate(new Date(submittedAt)) }));
}

type ARow = Awaited<ReturnType<typeof readAssignmentRowsRef>>[number];
type RRow = Awaited<ReturnType<typeof readResultRowsRef>>[number];
type ERow = { personId: string; moduleSlug: string | null; from: string; to: string };

function buildFactsRef(assignments: readonly ARow[], results: readonly RRow[], exemptions: readonly ERow[], refDate: string): ModuleFact[] {
	const key = (personId: string, slug: string) => `${personId}\u0000${slug}`;
	const resultsOf = new Map<string, RRow[]>();
	for (const r of results) {
		const k = key(r.personId, r.moduleSlug);
		let list = resultsOf.get(k);
		if (!list) resultsOf.set(k, (list = []));
		list.push(r);
	}
	const exemptionsOf = new Map<string, ERow[]>();
	for (const e of exemptions) {
		let list = exemptionsOf.get(e.personId);
		if (!list) exemptionsOf.set(e.personId, (list = []));
		list.push(e);
	}
	const best = (rs: readonly RRow[]) => (rs.length ? Math.max(...rs.map((r) => (r.maxScore > 0 ? Math.round((r.score / r.maxScore) * 1000) / 10 : 0))) : null);
	const facts: ModuleFact[] = [];
	const seen = new Set<string>();
	for (const a of assignments) {
		const k = key(a.personId, a.moduleSlug);
		seen.add(k);
		const rs = resultsOf.get(k) ?? [];
		const passes = rs.filter((r) => r.passed && passCounts(a.recurrence, a.periodKey, { date: r.submittedOn, moduleVersion: r.moduleVersion }));
		const covers = (d: string) => (exemptionsOf.get(a.personId) ?? []).some((e) => (e.moduleSlug === null || e.moduleSlug === a.moduleSlug) && e.from <= d && d <= e.to);
		facts.push({
			personId: a.personId, moduleSlug: a.moduleSlug, assigned: true, mandatory: a.mandatory,
			exempt: passes.length === 0 && (covers(a.dueDate) || covers(refDate)),
			dueDate: a.dueDate, attempts: rs.length, firstPassed: rs[0]?.passed ?? false, passedAny: rs.some((r) => r.passed),
			passed: passes.length > 0, passedOn: passes[0]?.submittedOn ?? null, bestScorePct: best(rs)
		});
	}
	for (const [k, rs] of resultsOf) {
		if (seen.has(k)) continue;
		const pass = rs.find((r) => r.passed);
		facts.push({ personId: rs[0].personId, moduleSlug: rs[0].moduleSlug, assigned: false, mandatory: false, exempt: false, dueDate: null, attempts: rs.length, firstPassed: rs[0].passed, passedAny: !!pass, passed: !!pass, passedOn: pass?.submittedOn ?? null, bestScorePct: best(rs) });
	}
	const byKey = new Map<string, ModuleFact>();
	for (const f of facts) {
		const k = key(f.personId, f.moduleSlug);
		const prev = byKey.get(k);
		if (!prev) {
			byKey.set(k, f);
			continue;
		}
		byKey.set(k, {
			...prev, assigned: prev.assigned || f.assigned, mandatory: prev.mandatory || f.mandatory, exempt: prev.exempt && f.exempt,
			dueDate: [prev.dueDate, f.dueDate].filter((d): d is string => d !== null).sort()[0] ?? null,
			attempts: Math.max(prev.attempts, f.attempts), firstPassed: prev.firstPassed || f.firstPassed, passedAny: prev.passedAny || f.passedAny, passed: prev.passed || f.passed,
			passedOn: [prev.passedOn, f.passedOn].filter((d): d is string => d !== null).sort()[0] ?? null,
			bestScorePct: Math.max(prev.bestScorePct ?? -1, f.bestScorePct ?? -1) < 0 ? null : Math.max(prev.bestScorePct ?? 0, f.bestScorePct ?? 0)
		});
	}
	return [...byKey.values()];
}

async function* referencePages(db: Db, opts: { orgId: string; fiscalYear: number; scopePaths: string[] | null; moduleSlug?: string; titleOf: (slug: string) => string; pageSize?: number; now?: Date }): AsyncGenerator<Cell[][]> {
	const { start, end } = fiscalYearRange(opts.fiscalYear);
	const today = toJstDate(opts.now ?? new Date());
	const refDate = today < end ? today : end;
	const fy = formatFiscalYear(opts.fiscalYear);
	const units = new Map((await db.select({ id: orgUnit.id, name: orgUnit.name, path: orgUnit.path }).from(orgUnit).where(eq(orgUnit.orgId, opts.orgId))).map((u) => [u.id, u]));
	let after = '';
	for (;;) {
		const people = await db.select({ id: person.id, employeeNo: person.employeeNo, name: person.name, kana: person.kana, jobGrade: person.jobGrade, active: person.active }).from(person)
			.where(and(eq(person.orgId, opts.orgId), gt(person.employeeNo, after))).orderBy(asc(person.employeeNo)).limit(opts.pageSize ?? 2000);
		if (people.length === 0) return;
		after = people.at(-1)!.employeeNo;
		const ids = people.map((p) => p.id);
		const memberships = await db.select({ personId: unitMembership.personId, unitId: unitMembership.unitId }).from(unitMembership)
			.where(and(inArray(unitMembership.personId, ids), lte(unitMembership.startDate, refDate), or(isNull(unitMembership.endDate), gte(unitMembership.endDate, refDate))));
		const unitOf = new Map(memberships.map((m) => [m.personId, units.get(m.unitId)]));
		const visible = people.filter((p) => {
			const u = unitOf.get(p.id);
			return opts.scopePaths === null || (!!u && opts.scopePaths.some((s) => isInSubtree(u.path, s)));
		});
		if (visible.length === 0) continue;
		const vids = visible.map((p) => p.id);
		const idList = JSON.stringify(vids);
		const moduleFilter = opts.moduleSlug ? sql`AND module_slug = ${opts.moduleSlug}` : sql``;
		const [rows, results, exemptions, progress] = await Promise.all([
			readAssignmentRowsRef(db, sql`person_id IN (SELECT value FROM json_each(${idList})) ${moduleFilter}`, { start, end }),
			readResultRowsRef(db, sql`person_id IN (SELECT value FROM json_each(${idList}))`, opts.fiscalYear),
			db.select({ personId: exemption.personId, moduleSlug: exemption.moduleSlug, from: exemption.fromDate, to: exemption.toDate }).from(exemption).where(inArray(exemption.personId, vids)),
			db.select({ personId: moduleProgress.personId, moduleSlug: moduleProgress.moduleSlug }).from(moduleProgress).where(inArray(moduleProgress.personId, vids))
		]);
		const started = new Set(progress.map((p) => `${p.personId}\u0000${p.moduleSlug}`));
		const facts = buildFactsRef(rows, results, exemptions, refDate).filter((f) => f.assigned);
		const factsOf = new Map<string, typeof facts>();
		for (const f of facts) {
			let list = factsOf.get(f.personId);
			if (!list) factsOf.set(f.personId, (list = []));
			list.push(f);
		}
		const out: Cell[][] = [];
		for (const p of visible) {
			const u = unitOf.get(p.id);
			const dept = u ? units.get(u.path.split('/').filter(Boolean)[0]) : undefined;
			for (const f of (factsOf.get(p.id) ?? []).sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.moduleSlug.localeCompare(b.moduleSlug))) {
				const status = factStatus(f, today, started.has(`${p.id}\u0000${f.moduleSlug}`));
				out.push([fy, { code: p.employeeNo }, p.name, p.kana, dept?.name ?? '', u?.name ?? '', p.jobGrade, p.active ? '在職' : '退職等', opts.titleOf(f.moduleSlug), f.mandatory ? '必修' : '推奨', f.dueDate, ASSIGNMENT_STATUS_LABELS[status], f.attempts, f.bestScorePct, f.passedOn]);
			}
		}
		if (out.length) yield out;
	}
}

const FORMULA_START = /^[=+\-@\t\r\n\u0000-\u001f]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const SAFE_CODE = /^[0-9A-Za-z-]{1,40}$/;
function csvCellRef(v: Cell): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	if (typeof v === 'object') return SAFE_CODE.test(v.code) ? `="${v.code}"` : csvCellRef(v.code);
	const text = FORMULA_START.test(v) ? `'${v}` : v;
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
const csvRowRef = (cells: readonly Cell[]) => `${cells.map(csvCellRef).join(',')}\r\n`;
const encodeRef = (text: string, encoding: CsvEncoding) => (encoding === 'shift_jis' ? new Uint8Array(iconv.encode(text, 'cp932')) : new TextEncoder().encode(text));

function referenceStream(header: readonly string[], pages: AsyncIterable<readonly (readonly Cell[])[]>, encoding: CsvEncoding): ReadableStream<Uint8Array> {
	const it = pages[Symbol.asyncIterator]();
	let started = false;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			if (!started) {
				started = true;
				if (encoding === 'utf-8') controller.enqueue(new Uint8Array([0xef, 0xbb, 0xbf]));
				controller.enqueue(encodeRef(csvRowRef(header), encoding));
				return;
			}
			const next = await it.next();
			if (next.done) return controller.close();
			controller.enqueue(encodeRef(next.value.map(csvRowRef).join(''), encoding));
		}
	});
}
