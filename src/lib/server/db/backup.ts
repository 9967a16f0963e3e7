import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { createClient } from '@libsql/client';
import { DEFAULT_BUSY_TIMEOUT_MS, type Db } from './client.ts';

const TABLES = [
	'organisation',
	'person',
	'unit_membership',
	'assignment',
	'attempt',
	'attempt_result',
	'audit_event',
	'fiscal_year_close'
];

export const filePathOf = (url: string) => {
	if (!url.startsWith('file:'))
		throw new Error(
			'バックアップと復元は組み込み DB（file:）だけが対象です。libSQL サーバーはサーバー側の仕組みを使ってください。'
		);
	return url.slice('file:'.length);
};

/** Opens a database file read-only-in-spirit for checks: integrity and the row counts of the key tables. */
export async function inspect(path: string) {
	const client = createClient({ url: `file:${path}`, timeout: DEFAULT_BUSY_TIMEOUT_MS });
	try {
		const integrity = String((await client.execute('PRAGMA integrity_check')).rows[0][0]);
		const counts: Record<string, number> = {};
		for (const t of TABLES) counts[t] = Number((await client.execute(`SELECT count(*) FROM ${t}`)).rows[0][0]);
		return { integrity, counts };
	} finally {
		client.close();
	}
}

/**
 * An online, consistent copy with `VACUUM INTO`, made through the app's own connection (one
 * SQLite engine, one process), then checked: `integrity_check` must be ok and the key tables
 * must hold at least the rows the live database had when the copy started.
 */
export async function backupTo(db: Db, target: string) {
	if (existsSync(target)) throw new Error(`${target} はすでにあります。別の名前を指定してください。`);
	const before: Record<string, number> = {};
	for (const t of TABLES) before[t] = Number((await db.$client.execute(`SELECT count(*) FROM ${t}`)).rows[0][0]);
	await db.$client.execute({ sql: 'VACUUM INTO ?', args: [target] });
	const check = await inspect(target);
	const short = TABLES.filter((t) => check.counts[t] < before[t]);
	if (check.integrity !== 'ok' || short.length) {
		rmSync(target, { force: true });
		throw new Error(
			`バックアップの検査に失敗しました（integrity_check: ${check.integrity}${short.length ? `、不足: ${short.join(', ')}` : ''}）。`
		);
	}
	return { path: target, bytes: statSync(target).size, counts: check.counts };
}

/**
 * Puts a checked backup in place of the database file. The server must be stopped: the old
 * file (and its -wal/-shm) is kept beside it as `<name>.before-restore-<time>`.
 */
export async function restoreFrom(backup: string, dbPath: string, now = new Date()) {
	const check = await inspect(backup);
	if (check.integrity !== 'ok')
		throw new Error(`バックアップが壊れています（integrity_check: ${check.integrity}）。復元しません。`);
	const kept = `${dbPath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
	if (existsSync(dbPath)) {
		renameSync(dbPath, kept);
		for (const ext of ['-wal', '-shm']) if (existsSync(dbPath + ext)) renameSync(dbPath + ext, kept + ext);
	}
	copyFileSync(backup, dbPath);
	return { counts: check.counts, kept: existsSync(kept) ? kept : null };
}
