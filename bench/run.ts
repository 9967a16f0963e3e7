/**
 * `npm run bench`: builds the app, seeds bench organisations of 1,000 / 10,000 / 30,000 staff ×
 * 20 modules, starts the production server (`node build`) and, in the same run on the same
 * machine, the reference points (a bare node:http server, a bare libSQL durable-commit loop,
 * argon2 checks). Prints and writes bench/results/<date>.json and .md. `--quick` runs a small
 * version for CI: it checks that everything ran and nothing acknowledged was lost, not timings.
 */
import { spawnSync } from 'node:child_process';
import { serverArgs } from '../scripts/node-flags.js';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { openDatabase } from '../src/lib/server/db/client.ts';
import { benchModules, seedBench, BENCH_PASSWORD } from './lib/seed.ts';
import { argon2Rate, libsqlCommitRate, startHello } from './lib/baselines.ts';
import {
	downloadCsv,
	eventLoopDelay,
	exportPersonsViaJob,
	freePort,
	runMany,
	signIn,
	startProcess,
	startQuiz,
	submitQuiz,
	type OpenQuiz,
	type Step
} from './lib/http.ts';
import { percentiles, perSecond } from './lib/stats.ts';
import { examDay, probeWhile, type ExamDay } from './lib/exam.ts';
import { load, rssMb, sampleRss, waitForSettledRss, waitUntilIdle } from './lib/load.ts';
import { renderMarkdown } from './lib/report.ts';
import { pageJavaScript } from './lib/browser.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const quick = flag('quick');
const sizes = (option('sizes') ?? (quick ? '600' : '1000,10000,30000')).split(',').map(Number);
// exam day at each size, one after the other on distinct staff (3,000 and 10,000 by default); a size is cut to the staff left
const examSizes = (option('exam') ?? (quick ? '200' : '3000,10000')).split(',').map(Number);
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
const exams: (ExamDay & { serverSide: ReturnType<typeof percentiles> | null })[] = [];
let jsKb: number | null = null;
let jsFiles = 0;

for (const n of sizes) {
	const file = `bench/tmp/bench-${n}.db`;
	for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
	log(`seeding ${n} staff × ${modules.length} modules…`);
	const db = await openDatabase(`file:${file}`);
	const seed = await seedBench(db, n, modules);
	db.$client.close();
	log(
		`  rules: ${seed.assignments} assignments in ${seed.evaluateMs} ms (re-run ${seed.reevaluateMs} ms); import ${seed.import.rows} rows in ${seed.import.totalMs} ms`
	);
	log(
		`  reminders: first run ${seed.reminders.notices} notices in ${seed.reminders.firstMs} ms, daily re-run ${seed.reminders.againMs} ms`
	);

	const eldFile = `bench/tmp/event-loop-${n}.json`;
	const spawnedAt = performance.now();
	const server = await startProcess(
		serverArgs('--import', './bench/lib/event-loop.mjs'),
		await freePort(),
		{ DATABASE_URL: `file:${file}`, BODY_SIZE_LIMIT: '25M', BENCH_EVENT_LOOP_FILE: eldFile },
		'/login',
		120_000
	);
	const readyMs = Math.round(performance.now() - spawnedAt);
	process.once('exit', () => server.proc.kill('SIGKILL'));
	// the server re-evaluates the curricula and sends the day's reminders when it starts; a user
	// asking for a page meanwhile waits this long (probe); the measurements below start after it
	const idle = waitUntilIdle(server.pid);
	const startupProbe = await probeWhile(server.base, idle);
	const startupMs = await idle;
	const hr = await signIn(server.base, seed.hrEmployeeNo, BENCH_PASSWORD);
	const manager = await signIn(server.base, seed.managerEmployeeNo, BENCH_PASSWORD);
	// the start-up refresh leaves garbage that V8 gives back some seconds after the server goes
	// idle; the export runs on the settled server (the quick run does not wait), both recorded
	const rssAfterStartup = rssMb(server.pid);
	const settled = quick ? null : await waitForSettledRss(server.pid);
	const rssBeforeExport = rssMb(server.pid);
	const stopRss = sampleRss(server.pid);
	// the export first, before the dashboard's computation, so its memory is its own
	let t = performance.now();
	// a job since the export left the request: started, polled, downloaded (streamed, as a browser saves it)
	const { res: exp, jobMs: exportJobMs } = await exportPersonsViaJob(server.base, hr);
	const body = await downloadCsv(exp);
	const exportMs = Math.round(performance.now() - t);
	const exportRss = stopRss();
	const exportRows = body.lines - 1;
	// the event loop's delay while the dashboard is computed cold: how long other users' requests wait
	await eventLoopDelay(server.pid, eldFile);
	t = performance.now();
	const stopColdRss = sampleRss(server.pid);
	const cold = await fetch(`${server.base}/dashboard`, { headers: { cookie: hr } });
	await cold.text();
	const dashboardColdMs = Math.round(performance.now() - t);
	const dashboardColdPeakRssMb = stopColdRss();
	const coldLoop = await eventLoopDelay(server.pid, eldFile);
	const dashboardColdEventLoop = coldLoop && { maxMs: coldLoop.maxMs, p99Ms: coldLoop.p99Ms, meanMs: coldLoop.meanMs };
	const dashboard = await load({
		url: `${server.base}/dashboard`,
		pid: server.pid,
		connections: 10,
		seconds,
		headers: { cookie: hr }
	});
	const managerPage = await load({
		url: `${server.base}/manager/units/${seed.managerUnitId}`,
		pid: server.pid,
		connections: 10,
		seconds,
		headers: { cookie: manager }
	});
	reports.push({
		staff: n,
		seed,
		dashboardColdMs,
		dashboardColdPeakRssMb,
		dashboardColdEventLoop,
		dashboard,
		managerPage,
		export: {
			rows: exportRows,
			bytes: body.bytes,
			ms: exportMs,
			jobMs: exportJobMs,
			peakRssMb: exportRss,
			rssBeforeMb: rssBeforeExport,
			rssAfterStartupMb: rssAfterStartup,
			settleWaitMs: settled?.waitedMs ?? null,
			status: exp.status
		},
		startup: { readyMs, refreshMs: startupMs, probe: startupProbe }
	});
	log(
		`  dashboard p97.5 ${dashboard.p975} ms (cold ${dashboardColdMs} ms, peak RSS ${dashboardColdPeakRssMb} MB, event loop blocked up to ${dashboardColdEventLoop?.maxMs ?? '?'} ms); export ${exportRows} rows in ${exportMs} ms (job ${exportJobMs} ms), RSS ${rssAfterStartup} after start-up, ${rssBeforeExport} settled → peak ${exportRss} MB (start-up: first answer after ${readyMs} ms, refresh ${startupMs} ms, slowest page meanwhile ${startupProbe.max} ms)`
	);

	if (n === sizes.at(-1)) http = await throughput(server, seed, file, eldFile);
	await server.stop();
}

async function throughput(
	server: Awaited<ReturnType<typeof startProcess>>,
	seed: Awaited<ReturnType<typeof seedBench>>,
	file: string,
	eldFile: string
) {
	const staff = seed.staff;
	const no = (i: number) => String(i + 1).padStart(6, '0');
	const employee = await signIn(server.base, no(150), BENCH_PASSWORD);
	const form = { origin: server.base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' };
	log('HTTP scenarios…');
	// SvelteKit's rendering alone, no session and no query: the ceiling for any page of this app
	const loginPage = await load({ url: `${server.base}/login`, pid: server.pid, connections, seconds });
	const signInLoad = await load({
		url: `${server.base}/login`,
		pid: server.pid,
		connections: 10,
		seconds,
		method: 'POST',
		headers: form,
		body: `employeeNo=${no(151)}&password=${BENCH_PASSWORD}`,
		expect: 303
	});
	const home = await load({
		url: `${server.base}/mypage`,
		pid: server.pid,
		connections,
		seconds,
		headers: { cookie: employee }
	});
	const modulePage = await load({
		url: `${server.base}/learn/security-policy`,
		pid: server.pid,
		connections,
		seconds,
		headers: { cookie: employee }
	});

	// JavaScript the module page makes the browser load (chromium, gzip size of each file)
	const js = await pageJavaScript(`${server.base}/learn/security-policy`, employee);
	jsKb = Math.round(js.gzipBytes / 1024);
	jsFiles = js.files;

	// quiz: start + open (prepared), then submit throughput alone, distinct learners and modules
	const learners = await Promise.all(
		Array.from({ length: quick ? 20 : 100 }, (_, i) => signIn(server.base, no(160 + i), BENCH_PASSWORD))
	);
	const slugs = (quick ? modules.slice(0, 5) : modules).map((m) => m.slug);
	const steps: Record<string, Step[]> = {};
	const record = (name: string, s: Step) => (steps[name] ??= []).push(s);
	const open: OpenQuiz[] = [];
	await runMany(learners.length * slugs.length, 20, async (k) => {
		const prepared = await startQuiz(
			server.base,
			learners[k % learners.length],
			slugs[Math.floor(k / learners.length)],
			record
		);
		if (prepared) open.push(prepared);
	});
	let submitted = 0;
	const stopRss = sampleRss(server.pid);
	const submitMs = await runMany(open.length, connections, async (k) => {
		const ok = await submitQuiz(server.base, open[k], record);
		if (ok) submitted++;
	});
	const submitLoad = {
		prepared: open.length,
		submitted,
		submitsPerSecond: perSecond(submitted, submitMs),
		submit: percentiles((steps.submit ?? []).map((s) => s.ms)),
		start: percentiles((steps.start ?? []).map((s) => s.ms)),
		open: percentiles((steps.open ?? []).map((s) => s.ms)),
		errors: Object.values(steps)
			.flat()
			.filter((s) => !s.ok).length,
		peakRssMb: stopRss()
	};
	log(`  module page ${modulePage.rps} req/s; submit ${submitLoad.submitsPerSecond}/s`);

	let first = 300; // staff before this number took the quizzes above
	for (const wanted of examSizes) {
		const users = Math.min(wanted, Math.floor(staff * 0.98) - first);
		if (users <= 0) throw new Error(`exam day of ${wanted} needs more staff than ${staff}`);
		log(`exam day: ${users} staff within ${examWindowS} s…`);
		await eventLoopDelay(server.pid, eldFile); // from here on
		const e = await examDay(server, file, users, first, examWindowS);
		// the same requests timed inside the server: what the app itself took
		const inside = await eventLoopDelay(server.pid, eldFile);
		const serverSide = inside ? percentiles(inside.requestMs) : null;
		log(`  ${e.acknowledged}/${users} submitted in ${e.wallS} s, lost ${e.lost}, p99 ${e.allRequests.p99} ms`);
		exams.push({ ...e, serverSide });
		first += users;
	}
	return { loginPage, signIn: signInLoad, home, modulePage, quiz: submitLoad };
}

const results = {
	date: new Date().toISOString(),
	quick,
	machine: { node: process.version, cpus: (await import('node:os')).cpus().length, platform: process.platform },
	baselines: { helloHttp: helloLoad, libsqlCommitsPerSecond: libsql.commitsPerSecond, argon2ChecksPerSecond: argon2 },
	reports,
	http,
	exams,
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
if (exams.length === 0) problems.push('exam day did not run');
for (const e of exams) {
	if (e.lost !== 0) problems.push(`exam day of ${e.users}: ${e.lost} acknowledged attempts missing from the database`);
	if (e.acknowledged === 0) problems.push(`exam day of ${e.users} submitted nothing`);
}
if (!libsql.persisted) problems.push('baseline insert loop lost rows');
for (const r of reports)
	if ((r.export as { status: number }).status !== 200) problems.push(`export failed at ${r.staff}`);
if (problems.length) {
	console.error('[bench] FAILED:', problems.join('; '));
	process.exit(1);
}
