/**
 * The 個人別受講状況 export as it was before issue #7, frozen: export-equivalence.test.ts pins the
 * rewritten export's bytes to it. Not used by the app; do not "improve" it.
 */
import iconv from 'iconv-lite';
import { and, asc, eq, gt, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { jsonRows } from '../db/json-rows.ts';
import { exemption, moduleProgress, orgUnit, person, unitMembership } from '../db/schema.ts';
import { departmentIdOf, isInSubtree } from '../../domain/unit-path.ts';
import { ASSIGNMENT_STATUS_LABELS, passCounts, type Recurrence } from '../../domain/assignment.ts';
import { fiscalYearRange, formatFiscalYear, toJstDate } from '../../domain/japanese-date.ts';
import { factStatus, type ModuleFact } from '../../domain/report-facts.ts';
import type { Cell, CsvEncoding } from './csv.ts';

async function readAssignmentRowsRef(db: Db, where: SQL, range: { start: string; end: string }) {
	const rows = await jsonRows<[string, string, number, string, string, string]>(
		db,
		sql`SELECT json_group_array(json_array(person_id, module_slug, mandatory, due_date, recurrence, period_key)) AS j
			FROM assignment WHERE ${where} AND due_date BETWEEN ${range.start} AND ${range.end}`
	);
	return rows.map(([personId, moduleSlug, mandatory, dueDate, recurrence, periodKey]) => ({
		personId,
		moduleSlug,
		mandatory: mandatory === 1,
		dueDate,
		recurrence: recurrence as Recurrence,
		periodKey
	}));
}

async function readResultRowsRef(db: Db, where: SQL, fiscalYear: number) {
	const rows = await jsonRows<[string, string, string, number, number, number, number]>(
		db,
		sql`SELECT json_group_array(json_array(person_id, module_slug, module_version, passed, score, max_score, submitted_at)) AS j
			FROM (SELECT * FROM attempt_result WHERE ${where} AND fiscal_year = ${fiscalYear} ORDER BY submitted_at)`
	);
	return rows.map(([personId, moduleSlug, moduleVersion, passed, score, maxScore, submittedAt]) => ({
		personId,
		moduleSlug,
		moduleVersion,
		passed: passed === 1,
		score,
		maxScore,
		submittedOn: toJstDate(new Date(submittedAt))
	}));
}

type ARow = Awaited<ReturnType<typeof readAssignmentRowsRef>>[number];
type RRow = Awaited<ReturnType<typeof readResultRowsRef>>[number];
type ERow = { personId: string; moduleSlug: string | null; from: string; to: string };

function buildFactsRef(
	assignments: readonly ARow[],
	results: readonly RRow[],
	exemptions: readonly ERow[],
	refDate: string
): ModuleFact[] {
	const key = (personId: string, slug: string) => `${personId}\u0000${slug}`;
	const resultsOf = new Map<string, RRow[]>();
	for (const r of results) {
		const k = key(r.personId, r.moduleSlug);
		let list = resultsOf.get(k);
		if (!list) resultsOf.set(k, (list = []));
		list.push(r);
	}
	const exemptionsOf = new Map<string, ERow[]>();
	for (const e of exemptions) {
		let list = exemptionsOf.get(e.personId);
		if (!list) exemptionsOf.set(e.personId, (list = []));
		list.push(e);
	}
	const best = (rs: readonly RRow[]) =>
		rs.length
			? Math.max(...rs.map((r) => (r.maxScore > 0 ? Math.round((r.score / r.maxScore) * 1000) / 10 : 0)))
			: null;
	const facts: ModuleFact[] = [];
	const seen = new Set<string>();
	for (const a of assignments) {
		const k = key(a.personId, a.moduleSlug);
		seen.add(k);
		const rs = resultsOf.get(k) ?? [];
		const passes = rs.filter(
			(r) => r.passed && passCounts(a.recurrence, a.periodKey, { date: r.submittedOn, moduleVersion: r.moduleVersion })
		);
		const covers = (d: string) =>
			(exemptionsOf.get(a.personId) ?? []).some(
				(e) => (e.moduleSlug === null || e.moduleSlug === a.moduleSlug) && e.from <= d && d <= e.to
			);
		facts.push({
			personId: a.personId,
			moduleSlug: a.moduleSlug,
			assigned: true,
			mandatory: a.mandatory,
			exempt: passes.length === 0 && (covers(a.dueDate) || covers(refDate)),
			dueDate: a.dueDate,
			attempts: rs.length,
			firstPassed: rs[0]?.passed ?? false,
			passedAny: rs.some((r) => r.passed),
			passed: passes.length > 0,
			passedOn: passes[0]?.submittedOn ?? null,
			bestScorePct: best(rs)
		});
	}
	for (const [k, rs] of resultsOf) {
		if (seen.has(k)) continue;
		const pass = rs.find((r) => r.passed);
		facts.push({
			personId: rs[0].personId,
			moduleSlug: rs[0].moduleSlug,
			assigned: false,
			mandatory: false,
			exempt: false,
			dueDate: null,
			attempts: rs.length,
			firstPassed: rs[0].passed,
			passedAny: !!pass,
			passed: !!pass,
			passedOn: pass?.submittedOn ?? null,
			bestScorePct: best(rs)
		});
	}
	const byKey = new Map<string, ModuleFact>();
	for (const f of facts) {
		const k = key(f.personId, f.moduleSlug);
		const prev = byKey.get(k);
		if (!prev) {
			byKey.set(k, f);
			continue;
		}
		byKey.set(k, {
			...prev,
			assigned: prev.assigned || f.assigned,
			mandatory: prev.mandatory || f.mandatory,
			exempt: prev.exempt && f.exempt,
			dueDate: [prev.dueDate, f.dueDate].filter((d): d is string => d !== null).sort()[0] ?? null,
			attempts: Math.max(prev.attempts, f.attempts),
			firstPassed: prev.firstPassed || f.firstPassed,
			passedAny: prev.passedAny || f.passedAny,
			passed: prev.passed || f.passed,
			passedOn: [prev.passedOn, f.passedOn].filter((d): d is string => d !== null).sort()[0] ?? null,
			bestScorePct:
				Math.max(prev.bestScorePct ?? -1, f.bestScorePct ?? -1) < 0
					? null
					: Math.max(prev.bestScorePct ?? 0, f.bestScorePct ?? 0)
		});
	}
	return [...byKey.values()];
}

export async function* referencePages(
	db: Db,
	opts: {
		orgId: string;
		fiscalYear: number;
		scopePaths: string[] | null;
		moduleSlug?: string;
		titleOf: (slug: string) => string;
		pageSize?: number;
		now?: Date;
	}
): AsyncGenerator<Cell[][]> {
	const { start, end } = fiscalYearRange(opts.fiscalYear);
	const today = toJstDate(opts.now ?? new Date());
	const refDate = today < end ? today : end;
	const fy = formatFiscalYear(opts.fiscalYear);
	const units = new Map(
		(
			await db
				.select({ id: orgUnit.id, name: orgUnit.name, path: orgUnit.path })
				.from(orgUnit)
				.where(eq(orgUnit.orgId, opts.orgId))
		).map((u) => [u.id, u])
	);
	let after = '';
	for (;;) {
		const people = await db
			.select({
				id: person.id,
				employeeNo: person.employeeNo,
				name: person.name,
				kana: person.kana,
				jobGrade: person.jobGrade,
				active: person.active
			})
			.from(person)
			.where(and(eq(person.orgId, opts.orgId), gt(person.employeeNo, after)))
			.orderBy(asc(person.employeeNo))
			.limit(opts.pageSize ?? 2000);
		if (people.length === 0) return;
		after = people.at(-1)!.employeeNo;
		const ids = people.map((p) => p.id);
		const memberships = await db
			.select({ personId: unitMembership.personId, unitId: unitMembership.unitId })
			.from(unitMembership)
			.where(
				and(
					inArray(unitMembership.personId, ids),
					lte(unitMembership.startDate, refDate),
					or(isNull(unitMembership.endDate), gte(unitMembership.endDate, refDate))
				)
			);
		const unitOf = new Map(memberships.map((m) => [m.personId, units.get(m.unitId)]));
		const visible = people.filter((p) => {
			const u = unitOf.get(p.id);
			return opts.scopePaths === null || (!!u && opts.scopePaths.some((s) => isInSubtree(u.path, s)));
		});
		if (visible.length === 0) continue;
		const vids = visible.map((p) => p.id);
		const idList = JSON.stringify(vids);
		const moduleFilter = opts.moduleSlug ? sql`AND module_slug = ${opts.moduleSlug}` : sql``;
		const [rows, results, exemptions, progress] = await Promise.all([
			readAssignmentRowsRef(db, sql`person_id IN (SELECT value FROM json_each(${idList})) ${moduleFilter}`, {
				start,
				end
			}),
			readResultRowsRef(db, sql`person_id IN (SELECT value FROM json_each(${idList}))`, opts.fiscalYear),
			db
				.select({
					personId: exemption.personId,
					moduleSlug: exemption.moduleSlug,
					from: exemption.fromDate,
					to: exemption.toDate
				})
				.from(exemption)
				.where(inArray(exemption.personId, vids)),
			db
				.select({ personId: moduleProgress.personId, moduleSlug: moduleProgress.moduleSlug })
				.from(moduleProgress)
				.where(inArray(moduleProgress.personId, vids))
		]);
		const started = new Set(progress.map((p) => `${p.personId}\u0000${p.moduleSlug}`));
		const facts = buildFactsRef(rows, results, exemptions, refDate).filter((f) => f.assigned);
		const factsOf = new Map<string, typeof facts>();
		for (const f of facts) {
			let list = factsOf.get(f.personId);
			if (!list) factsOf.set(f.personId, (list = []));
			list.push(f);
		}
		const out: Cell[][] = [];
		for (const p of visible) {
			const u = unitOf.get(p.id);
			const dept = u ? units.get(departmentIdOf(u.path) ?? '') : undefined;
			for (const f of (factsOf.get(p.id) ?? []).sort(
				(a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.moduleSlug.localeCompare(b.moduleSlug)
			)) {
				const status = factStatus(f, today, started.has(`${p.id}\u0000${f.moduleSlug}`));
				out.push([
					fy,
					{ code: p.employeeNo },
					p.name,
					p.kana,
					dept?.name ?? '',
					u?.name ?? '',
					p.jobGrade,
					p.active ? '在職' : '退職等',
					opts.titleOf(f.moduleSlug),
					f.mandatory ? '必修' : '推奨',
					f.dueDate,
					ASSIGNMENT_STATUS_LABELS[status],
					f.attempts,
					f.bestScorePct,
					f.passedOn
				]);
			}
		}
		if (out.length) yield out;
	}
}

const FORMULA_START = /^[=+\-@\t\r\n\u0000-\u001f]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const SAFE_CODE = /^[0-9A-Za-z-]{1,40}$/;
function csvCellRef(v: Cell): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	if (typeof v === 'object') return SAFE_CODE.test(v.code) ? `="${v.code}"` : csvCellRef(v.code);
	const text = FORMULA_START.test(v) ? `'${v}` : v;
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
export const csvRowRef = (cells: readonly Cell[]) => `${cells.map(csvCellRef).join(',')}\r\n`;
const encodeRef = (text: string, encoding: CsvEncoding) =>
	encoding === 'shift_jis' ? new Uint8Array(iconv.encode(text, 'cp932')) : new TextEncoder().encode(text);

export function referenceStream(
	header: readonly string[],
	pages: AsyncIterable<readonly (readonly Cell[])[]>,
	encoding: CsvEncoding
): ReadableStream<Uint8Array> {
	const it = pages[Symbol.asyncIterator]();
	let started = false;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			if (!started) {
				started = true;
				if (encoding === 'utf-8') controller.enqueue(new Uint8Array([0xef, 0xbb, 0xbf]));
				controller.enqueue(encodeRef(csvRowRef(header), encoding));
				return;
			}
			const next = await it.next();
			if (next.done) return controller.close();
			controller.enqueue(encodeRef(next.value.map(csvRowRef).join(''), encoding));
		}
	});
}
