/**
 * `npx tsx bench/jobs.ts [--size=N]`: does the app keep answering while a long job runs? Seeds a
 * bench organisation, starts the built server, and times an employee's home page (one request
 * after another) with nothing running and then while HR's 個人別受講状況 export runs as a job.
 * Needs `npm run build` first. `--reuse` keeps a database seeded by an earlier run; `--settle=S`
 * waits S seconds after the start (the start-up refresh and reminders run then).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { serverArgs } from '../scripts/node-flags.js';
import { openDatabase } from '../src/lib/server/db/client.ts';
import { benchModules, seedBench, BENCH_PASSWORD } from './lib/seed.ts';
import { exportPersonsViaJob, freePort, signIn, startProcess } from './lib/http.ts';
import { percentiles } from './lib/stats.ts';

const n = Number(process.argv.find((a) => a.startsWith('--size='))?.split('=')[1] ?? 10000);
const log = (...a: unknown[]) => console.log('[bench:jobs]', ...a);
mkdirSync('bench/tmp', { recursive: true });
const file = `bench/tmp/jobs-${n}.db`;
const reuse = process.argv.includes('--reuse') && existsSync(file);
const settleS = Number(process.argv.find((a) => a.startsWith('--settle='))?.split('=')[1] ?? 60);
let hrNo: string;
if (reuse) {
	const db = await openDatabase(`file:${file}`);
	hrNo = String(
		(
			await db.$client.execute(
				`select p.employee_no from person p join role_grant g on g.person_id = p.id where g.role = 'hr' limit 1`
			)
		).rows[0].employee_no
	);
	db.$client.close();
} else {
	for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
	log(`seeding ${n} staff…`);
	const db = await openDatabase(`file:${file}`);
	hrNo = (await seedBench(db, n, benchModules())).hrEmployeeNo;
	db.$client.close();
}
const server = await startProcess(serverArgs(), await freePort(), { DATABASE_URL: `file:${file}` }, '/login', 300_000);
process.once('exit', () => server.proc.kill('SIGKILL'));
log(`server up; waiting ${settleS} s for the start-up refresh`);
await new Promise((r) => setTimeout(r, settleS * 1000));
const hr = await signIn(server.base, hrNo, BENCH_PASSWORD);
const employee = await signIn(server.base, String(150).padStart(6, '0'), BENCH_PASSWORD);

async function timeHome(until: () => boolean, min = 20) {
	const ms: number[] = [];
	while (ms.length < min || !until()) {
		const t = performance.now();
		const res = await fetch(`${server.base}/mypage`, { headers: { cookie: employee } });
		await res.arrayBuffer();
		if (res.status !== 200) throw new Error(`home page answered ${res.status}`);
		ms.push(performance.now() - t);
	}
	return { requests: ms.length, ...percentiles(ms), max: Math.round(Math.max(...ms)) };
}

const idle = await timeHome(() => true, 40);
log(`home page, nothing running: ${JSON.stringify(idle)}`);
let finished = false;
const exporting = exportPersonsViaJob(server.base, hr).finally(() => (finished = true));
const during = await timeHome(() => finished, 1);
const { res, jobMs } = await exporting;
const rows = (await res.text()).split('\r\n').length - 2;
log(`export job: ${rows} rows in ${jobMs} ms (start → done, polled every 100 ms)`);
log(`home page while it ran: ${JSON.stringify(during)}`);
await server.stop();
