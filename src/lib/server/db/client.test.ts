import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { DatabaseBusyError, isBusyError, openDatabase } from './client.ts';
import { auditEvent } from './schema.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDbUrl() {
	const dir = mkdtempSync(join(tmpdir(), 'manabi-db-'));
	dirs.push(dir);
	return `file:${join(dir, 'test.db')}`;
}

/** Another process takes the write lock, says "locked", holds it for `ms`, then exits. */
function holdWriteLock(url: string, ms: number): Promise<{ done: Promise<void> }> {
	const file = url.slice('file:'.length);
	// the native binding @libsql/client is built on; BEGIN IMMEDIATE takes the write lock at once
	const script = `
		const Database = require('libsql');
		const db = new Database(${JSON.stringify(file)});
		db.exec('BEGIN IMMEDIATE');
		db.exec("INSERT INTO audit_event (action, at) VALUES ('other-process', 0)");
		console.log('locked');
		setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${ms});`;
	const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
	const done = new Promise<void>((res, rej) =>
		child.on('exit', (code) => (code === 0 ? res() : rej(new Error(`holder exited ${code}`))))
	);
	return new Promise((resolve) => {
		child.stdout.on('data', (b: Buffer) => {
			if (b.toString().includes('locked')) resolve({ done });
		});
	});
}

const row = (i: number) => ({ action: `write-${i}`, at: new Date(i) });

describe('database client under lock contention', () => {
	it('fails the write that met SQLITE_BUSY and loses none acknowledged afterwards', async () => {
		const url = tempDbUrl();
		let resets = 0;
		const db = await openDatabase(url, 'drizzle', { timeoutMs: 150, onReset: () => resets++ });

		const holder = await holdWriteLock(url, 600);
		const failed = await db
			.insert(auditEvent)
			.values(row(0))
			.then(
				() => null,
				(e: Error) => e
			);
		expect(failed?.cause).toBeInstanceOf(DatabaseBusyError);
		expect(resets).toBe(1);
		await holder.done;

		for (let i = 1; i <= 100; i++) await db.insert(auditEvent).values(row(i));
		db.$client.close();

		const fresh = createClient({ url });
		const { rows } = await fresh.execute("SELECT count(*) AS n FROM audit_event WHERE action LIKE 'write-%'");
		const other = await fresh.execute("SELECT count(*) AS n FROM audit_event WHERE action = 'other-process'");
		fresh.close();
		expect(Number(rows[0].n)).toBe(100);
		expect(Number(other.rows[0].n)).toBe(1);
	});

	it('runs in WAL mode with synchronous=FULL', async () => {
		const db = await openDatabase(tempDbUrl());
		const mode = await db.$client.execute('PRAGMA journal_mode');
		const sync = await db.$client.execute('PRAGMA synchronous');
		db.$client.close();
		expect(String(mode.rows[0].journal_mode)).toBe('wal');
		expect(Number(sync.rows[0].synchronous)).toBe(2);
	});

	it('makes the audit log append-only', async () => {
		const db = await openDatabase(tempDbUrl());
		await db.insert(auditEvent).values(row(1));
		await expect(db.$client.execute('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
		await expect(db.$client.execute("UPDATE audit_event SET action = 'x'")).rejects.toThrow(/append-only/);
		db.$client.close();
	});

	it.each([
		[{ code: 'SQLITE_BUSY' }, true],
		[{ rawCode: 5 }, true],
		[{ message: 'SQLITE_BUSY: database is locked' }, true],
		[{ message: 'x', cause: { code: 'SQLITE_BUSY' } }, true],
		[{ code: 'SQLITE_CONSTRAINT' }, false],
		[null, false]
	])('recognises busy errors: %j → %s', (err, expected) => {
		expect(isBusyError(err)).toBe(expected);
	});

	it('stops with a clear message when a migration fails', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'manabi-migrations-'));
		dirs.push(folder);
		cpSync('drizzle', folder, { recursive: true });
		writeFileSync(join(folder, '0001_audit_append_only.sql'), 'THIS IS NOT SQL;');
		await expect(openDatabase(tempDbUrl(), folder)).rejects.toThrow(
			/データベースの移行（マイグレーション）に失敗しました/
		);
	});
});
