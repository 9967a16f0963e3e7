import { createHash } from 'node:crypto';
import { openDb } from './matrix-world.ts';

/**
 * A fingerprint of everything the app has stored, table by table, to show that a run of
 * requests stored nothing. Left out: bookkeeping that every request may touch (the audit log,
 * sessions, sign-in failures) and the password columns that issuing a password rewrites.
 */
const IGNORED_TABLES = new Set(['audit_event', 'session', 'sign_in_failure', '__drizzle_migrations']);
const IGNORED_COLUMNS: Record<string, string[]> = {
	person: ['password_hash', 'must_change_password', 'password_changed_at']
};

const plain = (v: unknown) =>
	v instanceof ArrayBuffer ? Buffer.from(v).toString('hex') : typeof v === 'bigint' ? String(v) : v;

export async function dbState(): Promise<Record<string, string>> {
	const db = openDb();
	try {
		const tables = await db.execute(
			`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`
		);
		const state: Record<string, string> = {};
		for (const { name } of tables.rows) {
			const table = String(name);
			if (IGNORED_TABLES.has(table)) continue;
			const rs = await db.execute(`select * from "${table}" order by rowid`);
			const skip = IGNORED_COLUMNS[table] ?? [];
			const hash = createHash('sha256');
			for (const row of rs.rows)
				hash.update(JSON.stringify(rs.columns.map((c, i) => (skip.includes(c) ? null : plain(row[i])))));
			state[table] = `${rs.rows.length} rows, ${hash.digest('hex').slice(0, 16)}`;
		}
		return state;
	} finally {
		db.close();
	}
}
