/**
 * `npm run bench`: builds the app, seeds bench organisations of 1,000 / 10,000 / 30,000 staff ×
 * 20 modules, starts the production server (`node build`) and, in the same run on the same
 * machine, the reference points (a bare node:http server, a bare libSQL durable-commit loop,
 * argon2 checks). Prints and writes bench/results/<date>.json and .md. `--quick` runs a small
 * version for CI: it checks that everything ran and nothing acknowledged was lost, not timings.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createClient } from '@libsql/client';
import { openDatabase } from '../src/lib/server/db/client.ts';
import { benchModules, seedBench, BENCH_PASSWORD } from './lib/seed.ts';
import { argon2Rate, libsqlCommitRate, startHello } from './lib/baselines.ts';
import { eventLoopDelay, exportPersonsViaJob, freePort, percentiles, runMany, signIn, startProcess, startQuiz, submitQuiz, takeQuiz, type OpenQuiz, type Step } from './lib/http.ts';
import { load, rssMb, sampleRss, waitUntilIdle } from './lib/load.ts';
import { renderMarkdown } from './lib/report.ts';
import { pageJavaScript } from './lib/browser.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const quick = flag('quick');
const sizes = (option('sizes') ?? (quick ? '600' : '1000,10000,30000')).split(',').map(Number);
const examUsers = Number(option('exam') ?? (quick ? 200 : 10000));
const examWindowS = Number(option('exam-window') ?? (quick ? 10 : 60));
const seconds = Number(option('seconds') ?? (quick ? 2 : 8));
const connections = quick ? 10 : 50;
const log = (...a: unknown[]) => console.log('[bench]', ...a);

if (!flag('no-build')) {
	log('building…');
	const b = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (b.status !== 0) process.exit(b.status ?? 1);
}

const modules = benchModules();

log('reference points…');
const hello = await startHello(await freePort());
const helloLoad = await load({ url: `${hello.base}/`, pid: hello.pid, connections, seconds });
await hello.stop();
const libsql = await libsqlCommitRate(quick ? 1 : 3);
const argon2 = await argon2Rate(quick ? 1 : 3);
log(`node:http ${helloLoad.rps} req/s; libSQL FULL ${libsql.commitsPerSecond} commits/s; argon2id ${argon2} checks/s`);

mkdirSync('bench/tmp', { recursive: true });
const reports: Record<string, unknown>[] = [];
let http: Record<string, unknown> = {};
let exam: Record<string, unknown> | null = null;
let jsKb: number | null = null;
let jsFiles = 0;

for (const n of sizes) {
	const file = `bench/tmp/bench-${n}.db`;
	for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
	log(`seeding ${n} staff × ${modules.length} modules…`);
	const db = await openDatabase(`file:${file}`);
	const seed = await seedBench(db, n, modules);
	db.$client.close();
	log(`  rules: ${seed.assignments} assignments in ${seed.evaluateMs} ms (re-run ${seed.reevaluateMs} ms); import ${seed.import.rows} rows in ${seed.import.totalMs} ms`);
	log(`  reminders: first run ${seed.reminders.notices} notices in ${seed.reminders.firstMs} ms, daily re-run ${seed.reminders.againMs} ms`);

	const eldFile = `bench/tmp/event-loop-${n}.json`;
	const server = await startProcess(['--import', './bench/lib/event-loop.mjs', 'build'], await freePort(), { DATABASE_URL: `file:${file}`, BODY_SIZE_LIMIT: '25M', BENCH_EVENT_LOOP_FILE: eldFile });
	process.once('exit', () => server.proc.kill('SIGKILL'));
	// the server re-evaluates the curricula when it starts (the daily refresh); let that finish first
	await new Promise((r) => setTimeout(r, quick ? 500 : Math.min(8000, n / 4)));
	const startupMs = await waitUntilIdle(server.pid);
	const hr = await signIn(server.base, seed.hrEmployeeNo, BENCH_PASSWORD);
	const manager = await signIn(server.base, seed.managerEmployeeNo, BENCH_PASSWORD);
	// the start-up refresh leaves its heap behind: the export's own share is the peak minus this
	const rssBeforeExport = rssMb(server.pid);
	const stopRss = sampleRss(server.pid);
	// the export first, on a fresh server, so its memory is its own
	let t = performance.now();
	// a job since the export left the request: started, polled, downloaded
	const { res: exp } = await exportPersonsViaJob(server.base, hr);
	const body = Buffer.from(await exp.arrayBuffer());
	const exportMs = Math.round(performance.now() - t);
	const exportRss = stopRss();
	const exportRows = body.toString('utf8').split('\r\n').length - 2;
	// the event loop's delay while the dashboard is computed cold: how long other users' requests wait
	await eventLoopDelay(server.pid, eldFile);
	t = performance.now();
	const cold = await fetch(`${server.base}/dashboard`, { headers: { cookie: hr } });
	await cold.text();
	const dashboardColdMs = Math.round(performance.now() - t);
	const dashboardColdEventLoop = await eventLoopDelay(server.pid, eldFile);
	const dashboard = await load({ url: `${server.base}/dashboard`, pid: server.pid, connections: 10, seconds, headers: { cookie: hr } });
	const managerPage = await load({ url: `${server.base}/manager/units/${seed.managerUnitId}`, pid: server.pid, connections: 10, seconds, headers: { cookie: manager } });
	reports.push({ staff: n, seed, dashboardColdMs, dashboardColdEventLoop, dashboard, managerPage, export: { rows: exportRows, bytes: body.length, ms: exportMs, peakRssMb: exportRss, rssBeforeMb: rssBeforeExport, status: exp.status }, startupRefreshMs: startupMs });
	log(`  dashboard p97.5 ${dashboard.p975} ms (cold ${dashboardColdMs} ms, event loop blocked up to ${dashboardColdEventLoop?.maxMs ?? '?'} ms); export ${exportRows} rows in ${exportMs} ms, RSS ${rssBeforeExport} → ${exportRss} MB (start-up refresh took ${startupMs} ms)`);

	if (n === sizes.at(-1)) http = await throughput(server, seed, file);
	await server.stop();
}

async function throughput(server: Awaited<ReturnType<typeof startProcess>>, seed: Awaited<ReturnType<typeof seedBench>>, file: string) {
	const staff = seed.staff;
	const no = (i: number) => String(i + 1).padStart(6, '0');
	const employee = await signIn(server.base, no(150), BENCH_PASSWORD);
	const form = { origin: server.base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' };
	log('HTTP scenarios…');
	const signInLoad = await load({ url: `${server.base}/login`, pid: server.pid, connections: 10, seconds, method: 'POST', headers: form, body: `employeeNo=${no(151)}&password=${BENCH_PASSWORD}`, expect: 303 });
	const home = await load({ url: `${server.base}/mypage`, pid: server.pid, connections, seconds, headers: { cookie: employee } });
	const modulePage = await load({ url: `${server.base}/learn/security-policy`, pid: server.pid, connections, seconds, headers: { cookie: employee } });

	// JavaScript the module page makes the browser load (chromium, gzip size of each file)
	const js = await pageJavaScript(`${server.base}/learn/security-policy`, employee);
	jsKb = Math.round(js.gzipBytes / 1024);
	jsFiles = js.files;

	// quiz: start + open (prepared), then submit throughput alone, distinct learners and modules
	const learners = await Promise.all(Array.from({ length: quick ? 20 : 100 }, (_, i) => signIn(server.base, no(160 + i), BENCH_PASSWORD)));
	const slugs = (quick ? modules.slice(0, 5) : modules).map((m) => m.slug);
	const steps: Record<string, Step[]> = {};
	const record = (name: string, s: Step) => (steps[name] ??= []).push(s);
	const open: OpenQuiz[] = [];
	await runMany(learners.length * slugs.length, 20, async (k) => {
		const prepared = await startQuiz(server.base, learners[k % learners.length], slugs[Math.floor(k / learners.length)], record);
		if (prepared) open.push(prepared);
	});
	let submitted = 0;
	const stopRss = sampleRss(server.pid);
	const submitMs = await runMany(open.length, connections, async (k) => {
		const ok = await submitQuiz(server.base, open[k], record);
		if (ok) submitted++;
	});
	const submitLoad = {
		prepared: open.length, submitted, submitsPerSecond: Math.round(submitted / (submitMs / 1000)),
		submit: percentiles((steps.submit ?? []).map((s) => s.ms)), start: percentiles((steps.start ?? []).map((s) => s.ms)), open: percentiles((steps.open ?? []).map((s) => s.ms)),
		errors: Object.values(steps).flat().filter((s) => !s.ok).length, peakRssMb: stopRss()
	};
	log(`  module page ${modulePage.rps} req/s; submit ${submitLoad.submitsPerSecond}/s`);

	exam = await examDay(server, staff, file);
	return { signIn: signInLoad, home, modulePage, quiz: submitLoad };
}

/** N distinct staff arrive over the window; each signs in, opens the quiz and submits it. */
async function examDay(server: Awaited<ReturnType<typeof startProcess>>, staff: number, file: string) {
	const users = Math.min(examUsers, Math.floor(staff * 0.98) - 300);
	if (users <= 0) throw new Error(`exam day needs more staff than ${staff}`);
	log(`exam day: ${users} staff within ${examWindowS} s…`);
	const steps: Record<string, Step[]> = {};
	const record = (name: string, s: Step) => (steps[name] ??= []).push(s);
	const acked: string[] = [];
	let failures = 0;
	const reasons = new Set<string>();
	const stopRss = sampleRss(server.pid);
	const wallMs = await runMany(users, 500, async (i) => {
		try {
			const t = performance.now();
			const cookie = await signIn(server.base, String(300 + i + 1).padStart(6, '0'), BENCH_PASSWORD).catch((e: Error) => void reasons.add(e.message) ?? null);
			record('signIn', { ok: !!cookie, ms: performance.now() - t });
			if (!cookie) return void failures++;
			const id = await takeQuiz(server.base, cookie, 'security-policy', record);
			if (id) acked.push(id);
			else failures++;
		} catch (e) {
			reasons.add((e as Error).message);
			failures++;
		}
	}, examWindowS * 1000);
	const peak = stopRss();
	// a reader beside the server's one writer (WAL allows it); nothing is written here
	const client = createClient({ url: `file:${file}`, timeout: 3000 });
	let stored = 0;
	for (let k = 0; k < acked.length; k += 500) {
		const chunk = acked.slice(k, k + 500);
		const r = await client.execute({ sql: `SELECT count(*) AS c FROM attempt_result WHERE attempt_id IN (${chunk.map(() => '?').join(',')})`, args: chunk });
		stored += Number((r.rows[0] as unknown as { c: number }).c);
	}
	client.close();
	const all = Object.values(steps).flat();
	const result = {
		users, windowS: examWindowS, wallS: Math.round(wallMs / 100) / 10, acknowledged: acked.length, stored, lost: acked.length - stored, failures, failureReasons: [...reasons].slice(0, 5),
		errors: all.filter((s) => !s.ok).length, peakRssMb: peak,
		latency: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, percentiles(v.map((s) => s.ms))])),
		allRequests: percentiles(all.map((s) => s.ms))
	};
	log(`  ${result.acknowledged}/${users} submitted in ${result.wallS} s, lost ${result.lost}, p99 ${result.allRequests.p99} ms`);
	return result;
}

const results = {
	date: new Date().toISOString(),
	quick,
	machine: { node: process.version, cpus: (await import('node:os')).cpus().length, platform: process.platform },
	baselines: { helloHttp: helloLoad, libsqlCommitsPerSecond: libsql.commitsPerSecond, argon2ChecksPerSecond: argon2 },
	reports,
	http,
	exam,
	modulePageJsKbGzip: jsKb,
	modulePageJsFiles: jsFiles
};
const stamp = results.date.slice(0, 10) + (quick ? '-quick' : '');
mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/${stamp}.json`, JSON.stringify(results, null, 2) + '\n');
const md = renderMarkdown(results);
writeFileSync(`bench/results/${stamp}.md`, md);
if (!quick) writeFileSync('bench/results/latest.md', md);
console.log('\n' + md);

// what CI asserts: everything ran and nothing acknowledged was lost (not timings)
const problems: string[] = [];
if (!exam || (exam as { lost: number }).lost !== 0) problems.push('acknowledged attempts missing from the database');
if (!exam || (exam as { acknowledged: number }).acknowledged === 0) problems.push('exam day submitted nothing');
if (!libsql.persisted) problems.push('baseline insert loop lost rows');
for (const r of reports) if ((r.export as { status: number }).status !== 200) problems.push(`export failed at ${r.staff}`);
if (problems.length) {
	console.error('[bench] FAILED:', problems.join('; '));
	process.exit(1);
}
