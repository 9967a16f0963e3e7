/**
 * What the reliability tests share: a seeded bench organisation in a temporary database, the
 * built server started on it (and always stopped), sign-in and quiz helpers from bench/lib, and
 * a reader that checks the database file the way an auditor would.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverArgs } from '../../scripts/node-flags.js';
import { inject } from 'vitest';
import { createClient } from '@libsql/client';
import { openDatabase } from '../../src/lib/server/db/client.ts';
import { benchModules, seedBench, BENCH_PASSWORD } from '../../bench/lib/seed.ts';
import {
	freePort,
	runMany,
	signIn,
	startProcess,
	startQuiz,
	type OpenQuiz,
	type Server,
	type SubmitReply
} from '../../bench/lib/http.ts';

export { postSubmit, type OpenQuiz, type SubmitReply } from '../../bench/lib/http.ts';
export { seededRandom } from '../../src/lib/server/demo/history.ts';

export const SLUGS = benchModules()
	.slice(0, 5)
	.map((m) => m.slug);

/** A fresh folder for one test file, inside the run's temporary folder. */
export function workFolder(name: string) {
	const dir = join(inject('workDir'), name);
	mkdirSync(dir, { recursive: true });
	return dir;
}

/** A database file holding the bench organisation of `staff` people (bench/lib/seed.ts). */
export async function seedOrganisation(dir: string, staff: number) {
	const file = join(dir, 'manabi.db');
	const db = await openDatabase(`file:${file}`);
	await seedBench(db, staff, benchModules());
	db.$client.close();
	return file;
}

const running = new Set<Server>();

/** `node build` on the file; stopped by stopServers() in afterAll even when a test fails. */
export async function startServer(file: string, env: Record<string, string> = {}) {
	const server = await startProcess(serverArgs(), await freePort(), { DATABASE_URL: `file:${file}`, ...env });
	running.add(server);
	server.proc.once('exit', () => running.delete(server));
	return server;
}

/** SIGKILL: no shutdown code runs, as in a crash or an OOM kill. */
export function killHard(server: Server) {
	return new Promise<void>((resolve) => {
		if (server.proc.exitCode !== null || server.proc.signalCode !== null) return resolve();
		server.proc.once('exit', () => resolve());
		server.proc.kill('SIGKILL');
	});
}

export async function stopServers() {
	await Promise.all([...running].map((s) => killHard(s)));
}

export const employeeNo = (i: number) => String(i).padStart(6, '0');

/** Signs in staff numbers first … first+count-1 (sessions are in the database, so they survive restarts). */
export async function signInStaff(base: string, first: number, count: number) {
	const cookies: string[] = [];
	await runMany(count, 8, async (i) => {
		cookies[i] = await signIn(base, employeeNo(first + i), BENCH_PASSWORD);
	});
	return cookies;
}

/** Starts and opens one quiz per cookie, on the modules in turn. */
export async function openQuizzes(base: string, cookies: string[]) {
	const open: OpenQuiz[] = [];
	await runMany(cookies.length, 20, async (i) => {
		const q = await startQuiz(base, cookies[i], SLUGS[i % SLUGS.length], () => {});
		if (!q) throw new Error(`could not start a quiz for cookie ${i}`);
		open[i] = q;
	});
	return open;
}

export const attemptIdOf = (q: { location: string }) => q.location.split('/').at(-1)!;

/** Different answers from q.answers: the last offered choice of every item. */
export function otherAnswers(q: OpenQuiz) {
	return new URLSearchParams(Object.entries(q.options).map(([name, values]) => [name, values.at(-1)!]));
}

/** A refused or odd reply in a few words: status, redirect target, page title or start of the body. */
export function summary(r: SubmitReply) {
	const title = /<title>([^<]*)<\/title>/.exec(r.body)?.[1];
	return `${r.status} ${r.location ?? ''} ${title ?? r.body.slice(0, 120)}`.trim();
}

export type Inspection = {
	integrity: string;
	/** attempt ids with a result row, among those asked about */
	stored: Set<string>;
	/** results of attempts started in the tests (not seeded) whose per-item rows are not all there */
	halfWritten: string[];
	/** per-item rows with no result row */
	orphanItems: number;
};

/**
 * Reads the database as it is on disk (a reader beside the server's one writer, which WAL
 * allows; or the first opener after a crash, which recovers the WAL). Writes nothing.
 */
export async function inspect(file: string, attemptIds: Iterable<string>): Promise<Inspection> {
	const client = createClient({ url: `file:${file}`, timeout: 5000 });
	try {
		const integrity = (await client.execute('PRAGMA integrity_check')).rows.map((r) => String(r[0])).join('; ');
		const ids = [...attemptIds];
		const stored = new Set<string>();
		for (let k = 0; k < ids.length; k += 500) {
			const chunk = ids.slice(k, k + 500);
			const r = await client.execute({
				sql: `SELECT attempt_id FROM attempt_result WHERE attempt_id IN (${chunk.map(() => '?').join(',')})`,
				args: chunk
			});
			for (const row of r.rows) stored.add(String(row[0]));
		}
		const half = await client.execute(`SELECT r.attempt_id FROM attempt_result r JOIN attempt a ON a.id = r.attempt_id
			WHERE a.content_hash != 'bench' AND (SELECT count(*) FROM attempt_item i WHERE i.attempt_id = r.attempt_id) != json_array_length(a.draw)`);
		const orphans = await client.execute(
			'SELECT count(*) FROM attempt_item i WHERE NOT EXISTS (SELECT 1 FROM attempt_result r WHERE r.attempt_id = i.attempt_id)'
		);
		return {
			integrity,
			stored,
			halfWritten: half.rows.map((r) => String(r[0])),
			orphanItems: Number(orphans.rows[0][0])
		};
	} finally {
		client.close();
	}
}

/** Every result row of an attempt started in the tests: id → stored answers (JSON). */
export async function storedResults(file: string) {
	const client = createClient({ url: `file:${file}`, timeout: 5000 });
	try {
		const r = await client.execute(`SELECT r.attempt_id, r.answers, r.score, a.draw, a.pass_mark,
			(SELECT json_group_object(i.item_id, i.correct) FROM attempt_item i WHERE i.attempt_id = r.attempt_id) AS items
			FROM attempt_result r JOIN attempt a ON a.id = r.attempt_id WHERE a.content_hash != 'bench'`);
		return r.rows.map((row) => ({
			attemptId: String(row[0]),
			answers: JSON.parse(String(row[1])) as Record<string, string[]>,
			score: Number(row[2]),
			draw: JSON.parse(String(row[3])),
			passMark: Number(row[4]),
			items: JSON.parse(String(row[5] ?? '{}')) as Record<string, number>
		}));
	} finally {
		client.close();
	}
}

/** Prints a test's figures and keeps them for the summary printed at the end of the run. */
export function report(name: string, figures: Record<string, unknown>) {
	console.log(`[reliability] ${name}: ${JSON.stringify(figures)}`);
	writeFileSync(join(inject('workDir'), `figures-${name}.json`), JSON.stringify({ name, figures }));
}
