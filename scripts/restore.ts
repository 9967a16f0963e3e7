/**
 * `npm run restore -- backups/manabi-….db --server-stopped`: puts a checked backup in place of the embedded
 * database. Stop the server first. The replaced file is kept beside it.
 */
import { filePathOf, restoreFrom } from '../src/lib/server/db/backup.ts';

const backup = process.argv.slice(2).find((a) => !a.startsWith('--'));
const url = process.env.DATABASE_URL || 'file:manabi.db';
try {
	if (!backup)
		throw new Error(
			'復元するバックアップのファイルを指定してください（例: npm run restore -- backups/manabi-20270401090000.db --server-stopped）。'
		);
	const path = filePathOf(url);
	// an idle server holds no lock that could be probed, so the operator confirms it is stopped
	if (!process.argv.includes('--server-stopped'))
		throw new Error(
			'サーバー（npm start や systemd のサービス）を停止してから、--server-stopped を付けて実行してください。'
		);
	const r = await restoreFrom(backup, path);
	console.log(`復元しました: ${backup} → ${path}`);
	if (r.kept) console.log(`元のファイルは ${r.kept} として残しました。`);
	console.log(
		Object.entries(r.counts)
			.map(([t, n]) => `  ${t}: ${n}`)
			.join('\n')
	);
} catch (e) {
	console.error(`復元できませんでした: ${(e as Error).message}`);
	process.exit(1);
}
