/**
 * `npm run demo`: migrate an embedded database, seed みらい市 (once), print the demo accounts and
 * serve the production build. Seeding finishes before the server starts, so one process writes.
 */
import { spawn } from 'node:child_process';
import { serverArgs } from './node-flags.js';
import { openDatabase } from '../src/lib/server/db/client.ts';
import { seedDemo } from '../src/lib/server/demo/seed.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_KEY } from '../src/lib/server/demo/municipality.ts';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { fiscalYearOf, toJstDate } from '../src/lib/domain/japanese-date.ts';
import { evaluateAssignments } from '../src/lib/server/assignments.ts';
import { getHomeOrganisation } from '../src/lib/server/org.ts';
import { checkModules, readModuleFiles } from '../src/lib/server/content/files.ts';
import { seedLearningHistory } from '../src/lib/server/demo/history.ts';

const port = process.env.PORT || '3000';
const env = {
	...process.env,
	PORT: port,
	HOST: process.env.HOST || '127.0.0.1',
	ORIGIN: process.env.ORIGIN || `http://localhost:${port}`,
	DATABASE_URL: process.env.DATABASE_URL || 'file:demo.db',
	// the staff list CSV may be several MB (adapter-node's default request limit is 512 KB)
	BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT || '25M'
};

const db = await openDatabase(env.DATABASE_URL);
const result = await seedDemo(db, toJstDate(new Date()));
const org = await getHomeOrganisation(db, 'mirai');
const modules = checkModules(readModuleFiles()).modules;
const versions = new Map(modules.map((m) => [m.meta.slug, m.meta.version]));
const today = toJstDate(new Date());
// a fresh demo behaves as if Manabi had been in use since the 年度 began: this April's new
// hires were assigned onboarding on their first day (and some are now late), then today's run
const startOfYear = `${fiscalYearOf(today)}-04-01`;
const earlier =
	org && result.created && startOfYear < today ? await evaluateAssignments(db, org.id, startOfYear, versions) : 0;
const assigned = earlier + (org ? await evaluateAssignments(db, org.id, today, versions) : 0);
const history =
	org && result.created
		? await seedLearningHistory(
				db,
				org.id,
				modules.map((m) => ({ ...m.meta, bank: m.bank })),
				today
			)
		: null;
db.$client.close();
console.log(
	result.created
		? `みらい市のデモデータを作成しました（職員 ${result.people}人、組織 ${result.units}）。`
		: 'みらい市のデモデータは作成済みです（変更なし）。'
);
console.log(`研修の割り当て: ${assigned}件を新たに作成しました。`);
if (history)
	console.log(
		`今年度の受講記録: 理解度確認 ${history.attempts}回、集合・外部研修 ${history.training}件を作成しました。`
	);
console.log(`\nまなび: ${env.ORIGIN} を開いて、次のアカウントでログインしてください。`);
console.log(`パスワード（共通）: ${DEMO_PASSWORD}\n`);
for (const a of DEMO_ACCOUNTS) console.log(`  職員番号 ${a.employeeNo}  ${a.name}  ${a.label}`);
console.log(
	`\n人事・研修担当とシステム管理者は、パスワードのあとに確認コード（二要素認証）が必要です。\n` +
		`  別の端末で npm run demo:code を実行するとコードが表示されます。\n` +
		`  認証アプリで試すときは、登録キー ${encodeBase32UpperCaseNoPadding(DEMO_TOTP_KEY)} を登録してください（デモ専用の公開キー）。`
);
console.log('\n止めるときは Ctrl+C を押してください。\n');

const server = spawn(process.execPath, serverArgs(), { env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
