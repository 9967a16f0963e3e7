/** Side-by-side figures of two bench runs (bench/compare.ts); pure, tested in compare.test.ts. */

// the shape bench/run.ts writes; only what the comparison reads
type Load = { rps: number; p975: number; p99: number; cpuMsPerRequest?: number | null; peakRssMb?: number | null };
type Pct = { p50: number; p95: number; p99: number; max: number };
type Report = {
	staff: number;
	seed: {
		evaluateMs: number;
		reevaluateMs: number;
		import: { totalMs: number };
		reminders: { firstMs: number; againMs: number };
	};
	dashboardColdMs: number;
	dashboardColdPeakRssMb?: number | null;
	dashboard: Load;
	managerPage: Load;
	export: { rows: number; ms: number; peakRssMb: number | null };
	startup: { readyMs: number };
};
export type BenchRun = {
	date: string;
	quick: boolean;
	machine: { node: string; cpus: number };
	baselines: { helloHttp: Load; libsqlCommitsPerSecond: number; argon2ChecksPerSecond: number };
	http: {
		loginPage: Load;
		signIn: Load;
		home: Load;
		modulePage: Load;
		quiz: { submitsPerSecond: number; submit: Pct };
	};
	exams: { users: number; wallS: number; lost: number; allRequests: Pct; serverSide?: Pct | null }[];
	reports: Report[];
	modulePageJsKbGzip: number | null;
};

/** A figure of both runs; `higherIsBetter` says which way is an improvement. */
export type Row = {
	group: string;
	name: string;
	before: number | null;
	after: number | null;
	unit: string;
	higherIsBetter: boolean;
};

export function compareRows(a: BenchRun, b: BenchRun): Row[] {
	const rows: Row[] = [];
	const add = (
		group: string,
		name: string,
		unit: string,
		higherIsBetter: boolean,
		get: (r: BenchRun) => number | null | undefined
	) => {
		const value = (r: BenchRun) => {
			try {
				return get(r) ?? null;
			} catch {
				return null;
			}
		};
		rows.push({ group, name, before: value(a), after: value(b), unit, higherIsBetter });
	};
	add('reference points', 'bare node:http', 'req/s', true, (r) => r.baselines.helloHttp.rps);
	add('reference points', 'bare libSQL durable commits', '/s', true, (r) => r.baselines.libsqlCommitsPerSecond);
	add('reference points', 'argon2id checks', '/s', true, (r) => r.baselines.argon2ChecksPerSecond);
	const pages: [keyof BenchRun['http'] & string, string][] = [
		['loginPage', 'sign-in page (SvelteKit alone)'],
		['signIn', 'sign-in (argon2id + session)'],
		['home', 'employee home'],
		['modulePage', 'module page']
	];
	for (const [key, name] of pages) {
		add('requests', `${name}`, 'req/s', true, (r) => (r.http[key] as Load).rps);
		add('requests', `${name}, p99`, 'ms', false, (r) => (r.http[key] as Load).p99);
		add('requests', `${name}, server CPU per request`, 'ms', false, (r) => (r.http[key] as Load).cpuMsPerRequest);
	}
	add('requests', 'quiz submit', '/s', true, (r) => r.http.quiz.submitsPerSecond);
	add('requests', 'quiz submit, p99', 'ms', false, (r) => r.http.quiz.submit.p99);
	add('requests', 'module page JavaScript (gzip)', 'KB', false, (r) => r.modulePageJsKbGzip);
	for (const users of [...new Set([...a.exams, ...b.exams].map((e) => e.users))]) {
		const exam = (r: BenchRun) => r.exams.find((e) => e.users === users);
		add(`exam day, ${users.toLocaleString('en')} staff`, 'finished in', 's', false, (r) => exam(r)?.wallS);
		add(`exam day, ${users.toLocaleString('en')} staff`, 'lost submissions', '', false, (r) => exam(r)?.lost);
		add(
			`exam day, ${users.toLocaleString('en')} staff`,
			'all requests p99 (client)',
			'ms',
			false,
			(r) => exam(r)?.allRequests.p99
		);
		add(
			`exam day, ${users.toLocaleString('en')} staff`,
			'all requests p99 (inside the server)',
			'ms',
			false,
			(r) => exam(r)?.serverSide?.p99
		);
	}
	for (const staff of [...new Set([...a.reports, ...b.reports].map((r) => r.staff))]) {
		const rep = (r: BenchRun) => r.reports.find((x) => x.staff === staff);
		const g = `${staff.toLocaleString('en')} staff`;
		add(g, 'rule evaluation, first', 'ms', false, (r) => rep(r)?.seed.evaluateMs);
		add(g, 'rule evaluation, re-run', 'ms', false, (r) => rep(r)?.seed.reevaluateMs);
		add(g, 'reminders, first run', 'ms', false, (r) => rep(r)?.seed.reminders.firstMs);
		add(g, 'staff import', 'ms', false, (r) => rep(r)?.seed.import.totalMs);
		add(g, 'dashboard, cold', 'ms', false, (r) => rep(r)?.dashboardColdMs);
		add(g, 'dashboard, cold, peak RSS', 'MB', false, (r) => rep(r)?.dashboardColdPeakRssMb);
		add(g, 'dashboard p97.5', 'ms', false, (r) => rep(r)?.dashboard.p975);
		add(g, '課長 page p97.5', 'ms', false, (r) => rep(r)?.managerPage.p975);
		add(g, 'export', 'ms', false, (r) => rep(r)?.export.ms);
		add(g, 'export, peak RSS', 'MB', false, (r) => rep(r)?.export.peakRssMb);
		add(g, 'start-up, first answer', 'ms', false, (r) => rep(r)?.startup.readyMs);
	}
	return rows;
}

/** The change from before to after as a signed percentage ("+12 %"), or "—". */
export function change(before: number | null, after: number | null): string {
	if (before === null || after === null) return '—';
	if (before === 0) return after === 0 ? '±0 %' : '—';
	const p = Math.round(((after - before) / before) * 100);
	return p === 0 ? '±0 %' : `${p > 0 ? '+' : '−'}${Math.abs(p)} %`;
}

/** "better" / "worse" when the change is beyond `noise` (a fraction), else "same". */
export function verdict(row: Row, noise = 0.1): string {
	if (row.before === null || row.after === null) return '—';
	if (row.before === row.after) return 'same';
	if (row.before === 0) return row.higherIsBetter === row.after > 0 ? 'better' : 'worse';
	const rel = (row.after - row.before) / row.before;
	if (Math.abs(rel) <= noise) return 'same';
	return rel > 0 === row.higherIsBetter ? 'better' : 'worse';
}

const fmt = (v: number | null, unit: string) =>
	v === null ? '—' : `${v.toLocaleString('en')}${unit ? ` ${unit}` : ''}`;

export function renderComparison(a: BenchRun, b: BenchRun, rows: Row[]): string {
	const out = [
		`# Manabi bench: ${a.machine.node} (${a.date.slice(0, 10)}) → ${b.machine.node} (${b.date.slice(0, 10)})`,
		'',
		`Both full runs of \`npm run bench\` on ${b.machine.cpus} CPUs. "Change" is after against before; "verdict" calls a change beyond ±10 % better or worse (this machine's speed moves by that much between runs: compare the reference points, which measure the machine and Node, not Manabi).`,
		''
	];
	let group = '';
	for (const row of rows) {
		if (row.group !== group) {
			group = row.group;
			out.push(
				'',
				`## ${group}`,
				'',
				`| figure | ${a.machine.node} | ${b.machine.node} | change | verdict |`,
				'|---|---|---|---|---|'
			);
		}
		out.push(
			`| ${row.name} | ${fmt(row.before, row.unit)} | ${fmt(row.after, row.unit)} | ${change(row.before, row.after)} | ${verdict(row)} |`
		);
	}
	return out.join('\n') + '\n';
}
