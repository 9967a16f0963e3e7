/**
 * The 個人別受講状況 export was rewritten for speed (issue #7); this pins its bytes to the
 * implementation it replaced (frozen in export-reference.ts, as `referencePages`) on a varied organisation:
 * transfers, leavers, exemptions, reading progress, retakes across 年度, version-bound and
 * one-off assignments, a module assigned twice, and names Excel would misread.
 */
import { describe, expect, it } from 'vitest';
import { and, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { assignment, attempt, attemptResult, exemption, moduleProgress, orgUnit, person, unitMembership } from '../db/schema';
import { testDb } from '../testing/db';
import { inLocale } from '../locale';
import { ASSIGNMENT_STATUS_LABELS, type Recurrence } from '../../domain/assignment';
import { readAssignmentRows, readOrgAssignmentRows, readOrgResultRows, readResultRows } from '../reports/fact-rows';
import { csvRow, csvStream, type Cell, type CsvEncoding } from './csv';
import { personAssignmentPages, PERSON_ASSIGNMENT_HEADER } from './person-assignments';
import { csvRowRef, referencePages, referenceStream } from './export-reference';
import { joinSlices, staffSlices, writeSlice, type PersonExportSpec } from './person-export-file';
import { writeSlicesInWorkers } from './export-workers';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

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

	it('written in slices of the 職員番号 order, in this thread and in worker threads as built, the joined file has the same bytes', async () => {
		const db = await testDb();
		await seed(db);
		const titles: Record<string, string> = Object.fromEntries(SLUGS.map((s) => [s, s === 'privacy' ? '個人情報, 保護' : `研修 ${s}`]));
		const titleOf = (s: string) => titles[s] ?? s;
		const dir = mkdtempSync(join(tmpdir(), 'manabi-slices-'));
		// built as `npm run build` does, inside the project so that it finds the packages
		const workerFile = join('node_modules', '.cache', 'manabi-test', 'worker', 'export-worker.js');
		const built = spawnSync('node_modules/.bin/vite', ['build', '-c', 'vite.worker.config.ts', '--outDir', dirname(workerFile), '--logLevel', 'error'], { encoding: 'utf8' });
		expect(built.status, built.stderr).toBe(0);
		const file = String((await db.$client.execute('PRAGMA database_list')).rows[0].file);
		let n = 0;
		for (const c of [{ scopePaths: null, encoding: 'utf-8' as const }, { scopePaths: ['/d1/'], encoding: 'shift_jis' as const }]) {
			const spec: PersonExportSpec = { orgId: 'org1', fiscalYear: 2026, moduleSlug: null, now: NOW.toISOString(), ...c };
			const want = await bytes(referenceStream(PERSON_ASSIGNMENT_HEADER, referencePages(db, { ...spec, moduleSlug: undefined, titleOf, now: NOW }), c.encoding));
			const slices = await staffSlices(db, 'org1', 3);
			expect(slices.map((s) => s.first)).toEqual([true, false, false]);
			const here = slices.map(() => join(dir, `here-${n++}.csv`));
			let rows = 0;
			for (const [i, slice] of slices.entries()) rows += await writeSlice(db, spec, slice, titleOf, here[i], () => {});
			await joinSlices(here);
			expect(readFileSync(here[0]).equals(want), `in this thread, ${c.encoding}`).toBe(true);
			const inWorkers = slices.map(() => join(dir, `worker-${n++}.csv`));
			const seen: number[] = [];
			const workerRows = await writeSlicesInWorkers(resolve(workerFile), slices.map((slice, i) => ({ databaseUrl: `file:${file}`, spec, slice, path: inWorkers[i], titles, locale: 'ja' })), (total) => seen.push(total));
			await joinSlices(inWorkers);
			expect(readFileSync(inWorkers[0]).equals(want), `in worker threads, ${c.encoding}`).toBe(true);
			expect(workerRows).toBe(rows);
			expect(rows).toBe(want.toString('latin1').split('\r\n').length - 2);
			expect(seen.at(-1)).toBe(rows);
		}
		// a worker writes in the language of the person who started the job, as this thread does
		const spec0: PersonExportSpec = { orgId: 'org1', fiscalYear: 2026, moduleSlug: null, now: NOW.toISOString(), scopePaths: null, encoding: 'utf-8' };
		const whole = { after: '', until: null, first: true };
		await inLocale('en', () => writeSlice(db, spec0, whole, titleOf, join(dir, 'en-here.csv'), () => {}));
		await writeSlicesInWorkers(resolve(workerFile), [{ databaseUrl: `file:${file}`, spec: spec0, slice: whole, path: join(dir, 'en-worker.csv'), titles, locale: 'en' }], () => {});
		const english = readFileSync(join(dir, 'en-worker.csv'));
		expect(english.equals(readFileSync(join(dir, 'en-here.csv')))).toBe(true);
		expect(english.toString('utf8')).toContain(',Mandatory,');
		// a worker that fails (here: no such database) fails the whole export
		await expect(writeSlicesInWorkers(resolve(workerFile), [{ databaseUrl: `file:${join(dir, 'missing', 'x.db')}`, spec: spec0, slice: whole, path: join(dir, 'x.csv'), titles, locale: 'ja' }], () => {})).rejects.toThrow();
	}, 60_000);

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
