/**
 * `npm run backup [-- --out backups/manabi.db]`: an online, consistent copy of the embedded
 * database (`VACUUM INTO`), checked with integrity_check and row counts. Safe while the server
 * runs: it only reads the live file. Prints where the copy is.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '../src/lib/server/db/client.ts';
import { backupTo, filePathOf } from '../src/lib/server/db/backup.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const url = process.env.DATABASE_URL || 'file:manabi.db';
try {
	filePathOf(url);
	const stamp = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 19).replace(/[-:T]/g, '');
	const out = values.out ?? `backups/manabi-${stamp}.db`;
	mkdirSync(dirname(out), { recursive: true });
	const db = createDb(url);
	const r = await backupTo(db, out);
	db.$client.close();
	console.log(`バックアップを作成し、検査しました: ${r.path}（${Math.round(r.bytes / 1024)} KB）`);
	console.log(
		Object.entries(r.counts)
			.map(([t, n]) => `  ${t}: ${n}`)
			.join('\n')
	);
} catch (e) {
	console.error(`バックアップできませんでした: ${(e as Error).message}`);
	process.exit(1);
}
