/** The Markdown table the README links to: each figure, its goal, and its ratio to the same run's baseline. */
import { ratio as pct } from './stats.ts';

type L = {
	rps: number;
	p50: number;
	p975: number;
	p99: number;
	errors: number;
	non2xx: number;
	peakRssMb: number | null;
	cpuMsPerRequest?: number | null;
};
type P = { n: number; p50: number; p95: number; p99: number; max: number };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function renderMarkdown(r: any): string {
	const hello: L = r.baselines.helloHttp;
	const row = (name: string, l: L, ratio = '') =>
		`| ${name} | ${l.rps.toLocaleString()} | ${l.p50} | ${l.p975} | ${l.p99} | ${l.errors + l.non2xx} | ${l.peakRssMb ?? '—'} | ${l.cpuMsPerRequest ?? '—'} | ${ratio} |`;
	const out: string[] = [];
	out.push(`# Manabi bench — ${r.date.slice(0, 10)}${r.quick ? ' (quick)' : ''}`, '');
	out.push(
		`Node ${r.machine.node}, ${r.machine.cpus} CPUs. Load by autocannon on the same machine (closed loop, 127.0.0.1); latencies in ms; autocannon reports p97.5 rather than p95.`,
		''
	);
	out.push('## Reference points (same run)', '');
	out.push(`- bare node:http hello world: **${hello.rps.toLocaleString()} req/s** (p99 ${hello.p99} ms)`);
	out.push(
		`- bare @libsql/client durable commits (WAL, synchronous=FULL, one row per transaction): **${r.baselines.libsqlCommitsPerSecond.toLocaleString()} /s**`
	);
	out.push(
		`- argon2id password checks (the app's parameters, 8 at once): **${r.baselines.argon2ChecksPerSecond} /s**`,
		''
	);
	if (r.http?.modulePage) {
		const h = r.http;
		out.push('## Requests (largest organisation)', '');
		out.push(
			'| scenario | req/s | p50 | p97.5 | p99 | errors | peak RSS MB | server CPU ms / request | ratio to baseline |',
			'|---|---|---|---|---|---|---|---|---|'
		);
		if (h.loginPage)
			out.push(
				row(
					'sign-in page, no session (SvelteKit rendering alone)',
					h.loginPage,
					`${pct(h.loginPage.rps, hello.rps)} of node:http`
				)
			);
		out.push(
			row(
				'sign-in (argon2id + session)',
				h.signIn,
				`${pct(h.signIn.rps, r.baselines.argon2ChecksPerSecond)} of argon2 checks`
			)
		);
		out.push(row('employee home (/mypage)', h.home, `${pct(h.home.rps, hello.rps)} of node:http`));
		out.push(row('module page (goal ≥ 25 %)', h.modulePage, `${pct(h.modulePage.rps, hello.rps)} of node:http`));
		const q = h.quiz;
		out.push(
			'',
			`Quiz submit (${q.submitted} prepared attempts of distinct learners and modules, submitted ${r.quick ? 10 : 50} at a time; graded and durably written): **${q.submitsPerSecond} submits/s** — ${pct(q.submitsPerSecond, r.baselines.libsqlCommitsPerSecond)} of the bare durable-commit rate (goal ≥ 50 %), ${pct(q.submitsPerSecond, hello.rps)} of node:http (goal ≥ 10 %). Submit latency p50 ${q.submit.p50} / p95 ${q.submit.p95} / p99 ${q.submit.p99} ms; start p99 ${q.start.p99} ms, open p99 ${q.open.p99} ms; errors ${q.errors}.`,
			''
		);
		out.push(
			`Module page JavaScript: **${r.modulePageJsKbGzip} KB gzip** in ${r.modulePageJsFiles} files (goal < 100 KB).`,
			''
		);
	}
	for (const e of r.exams ?? []) {
		out.push(`## Exam day: ${e.users.toLocaleString()} staff`, '');
		out.push(
			`${e.users.toLocaleString()} distinct staff arriving evenly over ${e.windowS} s, each signing in, opening the quiz and submitting it: finished in **${e.wallS} s**; acknowledged ${e.acknowledged.toLocaleString()}, **in the database ${e.stored.toLocaleString()} (lost ${e.lost})**, failures ${e.failures}, peak RSS ${e.peakRssMb} MB.`,
			''
		);
		out.push('| step | n | p50 | p95 | p99 | max |', '|---|---|---|---|---|---|');
		for (const [k, v] of Object.entries(e.latency as Record<string, P>))
			out.push(`| ${k} | ${v.n} | ${v.p50} | ${v.p95} | ${v.p99} | ${v.max} |`);
		const a: P = e.allRequests;
		out.push(`| all requests (goal p99 < 500) | ${a.n} | ${a.p50} | ${a.p95} | ${a.p99} | ${a.max} |`);
		const s: P | null = e.serverSide;
		if (s) out.push(`| the same, timed inside the server | ${s.n} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} |`);
		out.push(
			'',
			'Times are seen by the load generator, which shares the machine\'s CPUs with the server; "inside the server" runs from Node reading the request to the last byte of the answer, so the difference is time spent waiting before the server read the request.',
			''
		);
	}
	out.push('## Organisation size: rules, import, reports', '');
	out.push(
		'| staff | assignments | rule evaluation ms (re-run) | reminders: first run notices / ms (daily re-run ms) | import rows / ms (decode, parse, plan, apply) | dashboard cold ms (peak RSS MB) | event-loop delay during cold dashboard, max / p99 ms | dashboard p50 / p97.5 / p99 | 課長 page p97.5 | export rows / ms / peak RSS MB (RSS before: settled; right after start-up) | start-up: first answer ms / refresh ms / slowest page meanwhile ms |',
		'|---|---|---|---|---|---|---|---|---|---|---|'
	);
	for (const x of r.reports) {
		const i = x.seed.import;
		out.push(
			`| ${x.staff.toLocaleString()} | ${x.seed.assignments.toLocaleString()} | ${x.seed.evaluateMs} (${x.seed.reevaluateMs}) | ${x.seed.reminders ? `${x.seed.reminders.notices.toLocaleString()} / ${x.seed.reminders.firstMs} (${x.seed.reminders.againMs})` : '—'} | ${i.rows.toLocaleString()} / ${i.totalMs} (${i.decodeMs}, ${i.parseMs}, ${i.planMs}, ${i.applyMs}) | ${x.dashboardColdMs}${x.dashboardColdPeakRssMb ? ` (${x.dashboardColdPeakRssMb})` : ''} | ${x.dashboardColdEventLoop ? `${x.dashboardColdEventLoop.maxMs} / ${x.dashboardColdEventLoop.p99Ms}` : '—'} | ${x.dashboard.p50} / ${x.dashboard.p975} / ${x.dashboard.p99} | ${x.managerPage.p975} | ${x.export.rows.toLocaleString()} / ${x.export.ms} / ${x.export.peakRssMb}${x.export.rssBeforeMb ? ` (${x.export.rssBeforeMb}${x.export.rssAfterStartupMb ? `; ${x.export.rssAfterStartupMb}` : ''})` : ''} | ${x.startup ? `${x.startup.readyMs} / ${x.startup.refreshMs} / ${x.startup.probe.max}` : '—'} |`
		);
	}
	if (r.reports.length > 1) {
		const per = r.reports.map(
			(x: { staff: number; dashboardColdMs: number; export: { ms: number } }) =>
				`${x.staff.toLocaleString()}: ${(x.dashboardColdMs / (x.staff / 1000)).toFixed(0)} ms / 1k staff (dashboard cold), ${(x.export.ms / (x.staff / 1000)).toFixed(0)} ms / 1k staff (export)`
		);
		out.push('', `Growth: ${per.join('; ')}.`);
	}
	out.push(
		'',
		'Goals (issue #7): exam day 0 errors, p99 < 500 ms, nothing lost; department summary at 30,000 × 20 p95 < 200 ms; export of 600,000 rows < 5 s and peak RSS < 250 MB.',
		''
	);
	return out.join('\n');
}
