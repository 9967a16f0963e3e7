import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { attemptResult, fiscalYearClose, organisation, person } from '../db/schema.ts';
import { generateId } from '../auth/token.ts';
import { recordAudit } from '../audit.ts';
import { listCurriculumModules } from '../curricula.ts';
import { listTargets } from '../targets.ts';
import { loadYearData } from './year.ts';
import { buildDashboard } from './dashboard.ts';
import { type ModuleInfo } from './target-labels.ts';
import { factStatus } from '../../domain/report-facts.ts';
import type { AssignmentStatus } from '../../domain/assignment.ts';
import { formatFiscalYear, toJstDate } from '../../domain/japanese-date.ts';
import * as m from '../../paraglide/messages.js';

const JA = { locale: 'ja' } as const;
/** The pack is a frozen record in Japanese, whoever closes the 年度 and in whatever language. */
const statusJa = (s: AssignmentStatus) =>
	({
		not_started: m.label_status_not_started({}, JA),
		in_progress: m.label_status_in_progress({}, JA),
		passed: m.label_status_passed({}, JA),
		overdue: m.label_status_overdue({}, JA),
		exempt: m.label_status_exempt({}, JA)
	})[s];

export const PACK_FORMAT = 'manabi-evidence-pack/1';

export const sha256Hex = (text: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(text)));

/**
 * The evidence pack of a 年度: every person's assigned modules with status, every graded
 * attempt (module, version, score, date), the per-課 summaries and the targets' results — one
 * JSON document whose SHA-256 is stored beside it. Built from the database, not the cache.
 */
export async function buildEvidencePack(
	db: Db,
	orgId: string,
	fiscalYear: number,
	modules: readonly ModuleInfo[],
	closedBy: { employeeNo: string; name: string },
	now = new Date()
) {
	const [org] = await db.select().from(organisation).where(eq(organisation.id, orgId));
	const data = await loadYearData(db, orgId, fiscalYear, now);
	const [targets, curricula, results] = await Promise.all([
		listTargets(db, orgId, fiscalYear),
		listCurriculumModules(db, orgId),
		db
			.select({
				employeeNo: person.employeeNo,
				moduleSlug: attemptResult.moduleSlug,
				moduleVersion: attemptResult.moduleVersion,
				score: attemptResult.score,
				maxScore: attemptResult.maxScore,
				passed: attemptResult.passed,
				submittedAt: attemptResult.submittedAt
			})
			.from(attemptResult)
			.innerJoin(person, eq(person.id, attemptResult.personId))
			.where(and(eq(attemptResult.orgId, orgId), eq(attemptResult.fiscalYear, fiscalYear)))
			.orderBy(asc(person.employeeNo), asc(attemptResult.submittedAt))
	]);
	// the pack is a frozen record: its labels are Japanese whoever closes the 年度
	const view = buildDashboard(
		data,
		targets,
		{ paths: null },
		modules,
		new Map(curricula.map((c) => [c.id, { name: c.name, slugs: c.items.map((i) => i.moduleSlug) }])),
		'ja'
	);
	const title = new Map(modules.map((x) => [x.slug, x.title]));
	const unitName = (id: string | null) => (id ? (data.units.get(id)?.name ?? '') : '');
	const records = data.facts
		.filter((f) => f.assigned)
		.map((f) => ({ f, p: data.people.get(f.personId)! }))
		.filter(({ p }) => !!p)
		.sort((a, b) => a.p.employeeNo.localeCompare(b.p.employeeNo) || a.f.moduleSlug.localeCompare(b.f.moduleSlug))
		.map(({ f, p }) => ({
			employeeNo: p.employeeNo,
			name: p.name,
			department: unitName(p.deptId),
			unit: unitName(p.unitId),
			jobGrade: p.jobGrade,
			module: f.moduleSlug,
			moduleTitle: title.get(f.moduleSlug) ?? f.moduleSlug,
			mandatory: f.mandatory,
			dueDate: f.dueDate,
			status: statusJa(factStatus(f, data.today, false)),
			attempts: f.attempts,
			bestScorePct: f.bestScorePct,
			passedOn: f.passedOn
		}));
	const pack = {
		format: PACK_FORMAT,
		organisation: { code: org?.code ?? '', name: org?.name ?? '' },
		fiscalYear,
		fiscalYearLabel: formatFiscalYear(fiscalYear, 'ja'),
		referenceDate: data.refDate,
		closedAt: now.toISOString(),
		closedBy,
		records,
		attempts: results.map((r) => ({
			employeeNo: r.employeeNo,
			module: r.moduleSlug,
			version: r.moduleVersion,
			score: r.score,
			maxScore: r.maxScore,
			passed: r.passed,
			submittedOn: toJstDate(r.submittedAt),
			submittedAt: r.submittedAt.toISOString()
		})),
		unitSummaries: view.depts.flatMap((d) => [
			{ department: d.name, unit: null as string | null, ...d.summary },
			...d.sections.map((s) => ({ department: d.name, unit: s.name, ...s.summary }))
		]),
		overall: view.overall,
		targets: view.targets.map((t) => ({
			name: t.name,
			source: t.source,
			metric: t.metricLabel,
			scope: t.scopeLabel,
			threshold: t.threshold,
			baseline: t.baseline,
			...t.result
		}))
	};
	return JSON.stringify(pack, null, 1);
}

export type CloseOutcome = { ok: true; id: string; sha256: string } | { ok: false; message: string };

/** Freezes a 年度 once; the stored pack can never change (database triggers refuse it). */
export async function closeFiscalYear(
	db: Db,
	actor: { id: string; orgId: string; employeeNo: string; name: string },
	fiscalYear: number,
	modules: readonly ModuleInfo[],
	ip: string | null,
	now = new Date()
): Promise<CloseOutcome> {
	const [existing] = await db
		.select({ id: fiscalYearClose.id })
		.from(fiscalYearClose)
		.where(and(eq(fiscalYearClose.orgId, actor.orgId), eq(fiscalYearClose.fiscalYear, fiscalYear)));
	if (existing) return { ok: false, message: m.fy_err_already_closed_download({ year: formatFiscalYear(fiscalYear) }) };
	const pack = await buildEvidencePack(
		db,
		actor.orgId,
		fiscalYear,
		modules,
		{ employeeNo: actor.employeeNo, name: actor.name },
		now
	);
	const id = generateId();
	const digest = sha256Hex(pack);
	try {
		await db.transaction(async (tx) => {
			await tx
				.insert(fiscalYearClose)
				.values({ id, orgId: actor.orgId, fiscalYear, pack, sha256: digest, closedBy: actor.id, closedAt: now });
			await recordAudit(
				tx,
				{
					orgId: actor.orgId,
					actorId: actor.id,
					action: 'fiscal_year.closed',
					targetType: 'fiscal_year_close',
					targetId: id,
					after: { fiscalYear, sha256: digest, bytes: pack.length },
					ip
				},
				now
			);
		});
	} catch (e) {
		if (/UNIQUE/i.test(`${(e as Error).message} ${(e as { cause?: Error }).cause?.message}`))
			return { ok: false, message: m.fy_err_already_closed({ year: formatFiscalYear(fiscalYear) }) };
		throw e;
	}
	return { ok: true, id, sha256: digest };
}

export async function listClosedYears(db: Db, orgId: string) {
	return db
		.select({
			id: fiscalYearClose.id,
			fiscalYear: fiscalYearClose.fiscalYear,
			sha256: fiscalYearClose.sha256,
			closedAt: fiscalYearClose.closedAt,
			closedByName: person.name
		})
		.from(fiscalYearClose)
		.leftJoin(person, eq(person.id, fiscalYearClose.closedBy))
		.where(eq(fiscalYearClose.orgId, orgId))
		.orderBy(desc(fiscalYearClose.fiscalYear));
}

export async function getClosedPack(db: Db, orgId: string, fiscalYear: number) {
	const [row] = await db
		.select()
		.from(fiscalYearClose)
		.where(and(eq(fiscalYearClose.orgId, orgId), eq(fiscalYearClose.fiscalYear, fiscalYear)));
	return row ?? null;
}
