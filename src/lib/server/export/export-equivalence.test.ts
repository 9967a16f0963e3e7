/**
 * The 個人別受講状況 export was rewritten for speed (issue #7); this pins its bytes to the
 * implementation it replaced (frozen in export-reference.ts, as `referencePages`) on a varied organisation:
 * transfers, leavers, exemptions, reading progress, retakes across 年度, version-bound and
 * one-off assignments, a module assigned twice, and names Excel would misread.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDb } from '../testing/db.ts';
import { buildWorkers } from '../testing/built-workers.ts';
import { NOW, rng, seedVariedOrg, SLUGS } from '../testing/varied-org.ts';
import { inLocale } from '../locale.ts';
import { ASSIGNMENT_STATUS_LABELS } from '../../domain/assignment.ts';
import { readAssignmentRows, readOrgAssignmentRows, readOrgResultRows, readResultRows } from '../reports/fact-rows.ts';
import { csvRow, csvStream, type Cell, type CsvEncoding } from './csv.ts';
import { personAssignmentPages, PERSON_ASSIGNMENT_HEADER } from './person-assignments.ts';
import { csvRowRef, referencePages, referenceStream } from './export-reference.ts';
import { joinSlices, staffSlices, writeSlice, type PersonExportSpec } from './person-export-file.ts';
import { writeSlicesInWorkers } from './export-workers.ts';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function bytes(stream: ReadableStream<Uint8Array>) {
	return Buffer.from(await new Response(stream).arrayBuffer());
}

describe('個人別受講状況 export', () => {
	it('writes the same bytes as the implementation it replaced, whole, scoped, per module and in both encodings', async () => {
		const db = await testDb();
		await seedVariedOrg(db);
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
		const all = (
			await bytes(
				referenceStream(
					PERSON_ASSIGNMENT_HEADER,
					referencePages(db, { orgId: 'org1', fiscalYear: 2026, scopePaths: null, titleOf, now: NOW }),
					'utf-8'
				)
			)
		).toString('utf8');
		for (const label of Object.values(ASSIGNMENT_STATUS_LABELS)) expect(all).toContain(`,${label},`);
	});

	it('written in slices of the 職員番号 order, in this thread and in worker threads as built, the joined file has the same bytes', async () => {
		const db = await testDb();
		await seedVariedOrg(db);
		const titles: Record<string, string> = Object.fromEntries(
			SLUGS.map((s) => [s, s === 'privacy' ? '個人情報, 保護' : `研修 ${s}`])
		);
		const titleOf = (s: string) => titles[s] ?? s;
		const dir = mkdtempSync(join(tmpdir(), 'manabi-slices-'));
		const workerFile = buildWorkers()('export-worker');
		const file = String((await db.$client.execute('PRAGMA database_list')).rows[0].file);
		let n = 0;
		for (const c of [
			{ scopePaths: null, encoding: 'utf-8' as const },
			{ scopePaths: ['/d1/'], encoding: 'shift_jis' as const }
		]) {
			const spec: PersonExportSpec = {
				orgId: 'org1',
				fiscalYear: 2026,
				moduleSlug: null,
				now: NOW.toISOString(),
				...c
			};
			const want = await bytes(
				referenceStream(
					PERSON_ASSIGNMENT_HEADER,
					referencePages(db, { ...spec, moduleSlug: undefined, titleOf, now: NOW }),
					c.encoding
				)
			);
			const slices = await staffSlices(db, 'org1', 3);
			expect(slices.map((s) => s.first)).toEqual([true, false, false]);
			const here = slices.map(() => join(dir, `here-${n++}.csv`));
			let rows = 0;
			for (const [i, slice] of slices.entries()) rows += await writeSlice(db, spec, slice, titleOf, here[i], () => {});
			await joinSlices(here);
			expect(readFileSync(here[0]).equals(want), `in this thread, ${c.encoding}`).toBe(true);
			const inWorkers = slices.map(() => join(dir, `worker-${n++}.csv`));
			const seen: number[] = [];
			const workerRows = await writeSlicesInWorkers(
				workerFile,
				slices.map((slice, i) => ({
					databaseUrl: `file:${file}`,
					spec,
					slice,
					path: inWorkers[i],
					titles,
					locale: 'ja'
				})),
				(total) => seen.push(total)
			);
			await joinSlices(inWorkers);
			expect(readFileSync(inWorkers[0]).equals(want), `in worker threads, ${c.encoding}`).toBe(true);
			expect(workerRows).toBe(rows);
			expect(rows).toBe(want.toString('latin1').split('\r\n').length - 2);
			expect(seen.at(-1)).toBe(rows);
		}
		// a worker writes in the language of the person who started the job, as this thread does
		const spec0: PersonExportSpec = {
			orgId: 'org1',
			fiscalYear: 2026,
			moduleSlug: null,
			now: NOW.toISOString(),
			scopePaths: null,
			encoding: 'utf-8'
		};
		const whole = { after: '', until: null, first: true };
		await inLocale('en', () => writeSlice(db, spec0, whole, titleOf, join(dir, 'en-here.csv'), () => {}));
		await writeSlicesInWorkers(
			workerFile,
			[
				{
					databaseUrl: `file:${file}`,
					spec: spec0,
					slice: whole,
					path: join(dir, 'en-worker.csv'),
					titles,
					locale: 'en'
				}
			],
			() => {}
		);
		const english = readFileSync(join(dir, 'en-worker.csv'));
		expect(english.equals(readFileSync(join(dir, 'en-here.csv')))).toBe(true);
		expect(english.toString('utf8')).toContain(',Mandatory,');
		// a progress report that fails (the job's progress write) fails the export, without an unhandled rejection
		await expect(
			writeSlicesInWorkers(
				workerFile,
				[{ databaseUrl: `file:${file}`, spec: spec0, slice: whole, path: join(dir, 'p.csv'), titles, locale: 'ja' }],
				() => Promise.reject(new Error('progress write failed'))
			)
		).rejects.toThrow('progress write failed');
		// a worker that fails (here: no such database) fails the whole export
		await expect(
			writeSlicesInWorkers(
				workerFile,
				[
					{
						databaseUrl: `file:${join(dir, 'missing', 'x.db')}`,
						spec: spec0,
						slice: whole,
						path: join(dir, 'x.csv'),
						titles,
						locale: 'ja'
					}
				],
				() => {}
			)
		).rejects.toThrow();
	}, 60_000);

	it('reads a whole organisation in chunks with the same rows as one read (what the dashboard reads)', async () => {
		const db = await testDb();
		await seedVariedOrg(db);
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
		const alphabet = [
			'a',
			'1',
			'漢',
			'ｶ',
			' ',
			'\u3000',
			'\t',
			'\r',
			'\n',
			'"',
			',',
			'=',
			'+',
			'-',
			'@',
			"'",
			'\u0001',
			'\u007f'
		];
		for (let i = 0; i < 5000; i++) {
			const cells: Cell[] = Array.from({ length: 1 + Math.floor(r() * 4) }, () =>
				Array.from({ length: Math.floor(r() * 5) }, () => alphabet[Math.floor(r() * alphabet.length)]).join('')
			);
			cells.push({ code: String(cells[0]) }, Math.floor(r() * 100) / 10, null);
			expect(csvRow(cells), JSON.stringify(cells)).toBe(csvRowRef(cells));
		}
	});
});
