import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, type Client, type InValue } from '@libsql/client';
import { toJstDate } from '../../src/lib/domain/japanese-date.ts';
import { ACCOUNTS } from './fixtures.ts';

/**
 * The objects the matrix points at. みらい市 comes from the demo seed; a second municipality
 * (となり町) is written here, straight into the e2e database, so that ids of another
 * organisation exist to be refused. Ids are fixed, and every insert is idempotent.
 */
export const E2E_DB = 'file:e2e.db';
export const MIRAI = 'org-mirai';
export const EXPORT_DIR = 'exports';
const TONARI = 'org-tonari';
/** Deterministic ids in the app's own shape (24 base32 characters). */
const tid = (name: string) => `tonari${name}`.padEnd(24, 'a');
const mid = (name: string) => `matrix${name}`.padEnd(24, 'a');

export const OTHER_ORG = {
	unit: `${TONARI}-u210`,
	person: tid('person'),
	employeeNo: '990001',
	curriculum: tid('curriculum'),
	attempt: tid('attempt'),
	notice: tid('notice'),
	target: tid('target'),
	draft: tid('draft'),
	import: tid('import'),
	certificate: tid('certificate'),
	job: tid('job'),
	closedYear: 2019
};
export const MIRAI_CLOSED_YEAR = 2018;
export const MIRAI_CERTIFICATE = mid('certificate');
/** A finished 個人別 export of みらい市's HR account, with its file on the server's disk. */
export const MIRAI_JOB = mid('job');
const MIRAI_JOB_FILE = `${mid('jobfile')}.csv`;
export const OPEN_YEAR = 2017;
export const QUIZ_MODULE = 'open-data';

export type World = {
	people: Record<keyof typeof ACCOUNTS | 'shimin' | 'zeimu', string>;
	otherAttempt: { id: string; slug: string };
	otherNotice: string;
	miraiCurriculum: string;
};

export function openDb(): Client {
	return createClient({ url: E2E_DB });
}

async function one(db: Client, sql: string, args: InValue[] = []) {
	const { rows } = await db.execute({ sql, args });
	if (!rows[0]) throw new Error(`matrix world: nothing found for ${sql}`);
	return rows[0];
}

/** A current member of the 課 (or a 係 under it) who is not a demo account. */
async function staffOf(db: Client, unitId: string) {
	const row = await one(
		db,
		`select p.id from person p join unit_membership m on m.person_id = p.id and m.end_date is null
		 join org_unit u on u.id = m.unit_id
		 where p.org_id = ? and p.active = 1 and u.path like ? and p.employee_no not in (${Object.values(ACCOUNTS)
				.map(() => '?')
				.join(',')})
		   and not exists (select 1 from role_grant g where g.person_id = p.id)
		 order by p.employee_no limit 1`,
		[MIRAI, `%/${unitId}/%`, ...Object.values(ACCOUNTS)]
	);
	return String(row.id);
}

async function writeOtherOrg(db: Client, hrId: string, now: number) {
	const o = OTHER_ORG;
	await db.batch(
		[
			[
				`insert or ignore into organisation (id, code, name, kana) values (?, 'tonari', 'となり町', 'トナリチョウ')`,
				[TONARI]
			],
			[
				`insert or ignore into org_unit (id, org_id, code, name, kana, kind, path) values (?, ?, '210', '住民課', 'ジュウミンカ', 'section', ?)`,
				[o.unit, TONARI, `/${o.unit}/`]
			],
			[
				`insert or ignore into person (id, org_id, employee_no, name, kana, employment_type, job_grade, hire_date) values (?, ?, ?, 'となり 花子', 'トナリ ハナコ', 'regular', '主事', '2015-04-01')`,
				[o.person, TONARI, o.employeeNo]
			],
			[
				`insert or ignore into unit_membership (id, org_id, person_id, unit_id, start_date) values (?, ?, ?, ?, '2015-04-01')`,
				[tid('membership'), TONARI, o.person, o.unit]
			],
			[
				`insert or ignore into curriculum (id, org_id, name, criteria, created_at) values (?, ?, 'となり町の研修計画', '{}', ?)`,
				[o.curriculum, TONARI, now]
			],
			[
				`insert or ignore into attempt (id, org_id, person_id, module_slug, module_version, content_hash, fiscal_year, pass_mark, draw, started_at) values (?, ?, ?, ?, '1.0.0', 'tonari', 2025, 80, '[]', ?)`,
				[o.attempt, TONARI, o.person, QUIZ_MODULE, now]
			],
			[
				`insert or ignore into notice (id, org_id, person_id, kind, body, dedupe_key, created_at) values (?, ?, ?, 'assigned', 'となり町のお知らせ', 'matrix', ?)`,
				[o.notice, TONARI, o.person, now]
			],
			[
				`insert or ignore into target (id, org_id, name, metric, scope_kind, scope_value, fiscal_year, threshold, created_at) values (?, ?, 'となり町の目標', 'coverage', 'all', '', 2019, 100, ?)`,
				[o.target, TONARI, now]
			],
			// the draft and the import name みらい市's HR as actor: only the organisation tells them apart
			[
				`insert or ignore into staff_import_draft (id, org_id, actor_id, file_name, encoding, text, created_at) values (?, ?, ?, 'tonari.csv', 'utf-8', '', ?)`,
				[o.draft, TONARI, hrId, now]
			],
			[
				`insert or ignore into staff_import (id, org_id, actor_id, file_name, encoding, counts, changes, created_at) values (?, ?, ?, 'tonari.csv', 'utf-8', '{}', '{"transfers":[],"updated":[],"activated":[],"deactivated":[],"added":[]}', ?)`,
				[o.import, TONARI, hrId, now]
			],
			[
				`insert or ignore into fiscal_year_close (id, org_id, fiscal_year, pack, sha256, closed_by, closed_at) values (?, ?, ?, '{}', 'tonari', ?, ?)`,
				[tid('close'), TONARI, o.closedYear, hrId, now]
			],
			[
				`insert or ignore into certificate (id, org_id, person_id, kind, subject_id, subject_title, fiscal_year, completed_on, code, issued_at) values (?, ?, ?, 'module', ?, 'オープンデータ', 2019, '2019-06-01', 'TONARICERT23', ?)`,
				[o.certificate, TONARI, o.person, QUIZ_MODULE, now]
			],
			[
				`insert or ignore into job (id, org_id, kind, status, created_by, params, progress_done, progress_total, result, output_file, created_at, started_at, finished_at) values (?, ?, 'person_export', 'done', ?, '{"fiscalYear":2019,"encoding":"utf-8"}', 1, 1, '{"rows":1,"fileName":"tonari.csv","encoding":"utf-8"}', ?, ?, ?, ?)`,
				[o.job, TONARI, o.person, MIRAI_JOB_FILE, now, now, now]
			]
		].map(([sql, args]) => ({ sql: sql as string, args: args as InValue[] })),
		'write'
	);
}

/**
 * みらい市 data the matrix needs beyond the demo: a closed 年度 to download, a notice of
 * another person, and today's reminder from each sender to each person it may remind, so that
 * an allowed 督促 answers "already reminded today" instead of sending a new one.
 */
async function writeMiraiExtras(db: Client, w: World, now: number) {
	const today = toJstDate(new Date(now));
	const reminders = (['manager', 'hr', 'admin'] as const).flatMap((sender) =>
		(['shimin', 'zeimu', 'admin'] as const)
			.filter((to) => to !== sender)
			.map((to) => ({
				sql: `insert or ignore into notice (id, org_id, person_id, kind, body, sender_id, dedupe_key, created_at) values (?, ?, ?, 'reminder', '研修の受講をお願いします。', ?, ?, ?)`,
				args: [
					mid(`r${sender.slice(0, 3)}${to.slice(0, 3)}`),
					MIRAI,
					w.people[to],
					w.people[sender],
					`reminder:${w.people[sender]}:${today}`,
					now
				]
			}))
	);
	await db.batch(
		[
			{
				sql: `insert or ignore into fiscal_year_close (id, org_id, fiscal_year, pack, sha256, closed_by, closed_at) values (?, ?, ?, '{}', 'matrix', ?, ?)`,
				args: [mid('close'), MIRAI, MIRAI_CLOSED_YEAR, w.people.hr, now]
			},
			{
				sql: `insert or ignore into notice (id, org_id, person_id, kind, body, dedupe_key, created_at) values (?, ?, ?, 'assigned', '研修が割り当てられました。', 'matrix', ?)`,
				args: [w.otherNotice, MIRAI, w.people.shimin, now]
			},
			// the employee's 修了証 (for 2018, so it meets no certificate a test issues for this 年度)
			{
				sql: `insert or ignore into certificate (id, org_id, person_id, kind, subject_id, subject_title, fiscal_year, completed_on, code, issued_at) values (?, ?, ?, 'module', ?, 'オープンデータ', 2018, '2018-06-01', 'MATRIXCERT23', ?)`,
				args: [MIRAI_CERTIFICATE, MIRAI, w.people.employee, QUIZ_MODULE, now]
			},
			{
				sql: `insert or ignore into job (id, org_id, kind, status, created_by, params, progress_done, progress_total, result, output_file, created_at, started_at, finished_at) values (?, ?, 'person_export', 'done', ?, '{"fiscalYear":2018,"encoding":"utf-8"}', 1, 1, '{"rows":1,"fileName":"matrix.csv","encoding":"utf-8"}', ?, ?, ?, ?)`,
				args: [MIRAI_JOB, MIRAI, w.people.hr, MIRAI_JOB_FILE, now, now, now]
			},
			...reminders
		],
		'write'
	);
}

export async function setUpWorld(): Promise<World> {
	const db = openDb();
	try {
		await db.execute('pragma busy_timeout = 5000');
		const now = Date.now();
		const accounts = await db.execute({
			sql: `select id, employee_no from person where org_id = ? and employee_no in (${Object.values(ACCOUNTS)
				.map(() => '?')
				.join(',')})`,
			args: [MIRAI, ...Object.values(ACCOUNTS)]
		});
		const byNo = new Map(accounts.rows.map((r) => [String(r.employee_no), String(r.id)]));
		const fixed = Object.fromEntries(Object.entries(ACCOUNTS).map(([role, no]) => [role, byNo.get(no)!])) as Record<
			keyof typeof ACCOUNTS,
			string
		>;
		const other = await one(
			db,
			`select a.id, a.module_slug from attempt a where a.org_id = ? and a.person_id not in (${Object.values(fixed)
				.map(() => '?')
				.join(',')}) order by a.id limit 1`,
			[MIRAI, ...Object.values(fixed)]
		);
		const world: World = {
			people: { ...fixed, shimin: await staffOf(db, `${MIRAI}-u210`), zeimu: await staffOf(db, `${MIRAI}-u220`) },
			otherAttempt: { id: String(other.id), slug: String(other.module_slug) },
			otherNotice: mid('othernotice'),
			miraiCurriculum: String(
				(await one(db, `select id from curriculum where org_id = ? order by created_at, id limit 1`, [MIRAI])).id
			)
		};
		await writeOtherOrg(db, world.people.hr, now);
		await writeMiraiExtras(db, world, now);
		// the server (run from the repository root on file:e2e.db) keeps export files in ./exports
		mkdirSync(EXPORT_DIR, { recursive: true });
		writeFileSync(join(EXPORT_DIR, MIRAI_JOB_FILE), '\ufeff年度,職員番号\r\n');
		return world;
	} finally {
		db.close();
	}
}

/** The employee's 修了証 for 2018 (pages that show one need it before the matrix runs). */
export async function ensureEmployeeCertificate(): Promise<string> {
	const db = openDb();
	try {
		await db.execute({
			sql: `insert or ignore into certificate (id, org_id, person_id, kind, subject_id, subject_title, fiscal_year, completed_on, code, issued_at) select ?, ?, id, 'module', ?, 'オープンデータ', 2018, '2018-06-01', 'MATRIXCERT23', ? from person where org_id = ? and employee_no = ?`,
			args: [MIRAI_CERTIFICATE, MIRAI, QUIZ_MODULE, Date.now(), MIRAI, ACCOUNTS.employee]
		});
		return MIRAI_CERTIFICATE;
	} finally {
		db.close();
	}
}
