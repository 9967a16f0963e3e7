/**
 * 修了証: issued lazily (the first time the person opens it, then the same certificate and code
 * every time). Opening and verifying an issued one: certificate-views.ts.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { assignment, attemptResult, certificate, exemption } from './db/schema.ts';
import { generateId } from './auth/token.ts';

import { listCurriculumModules } from './curricula.ts';

import { curriculumCompletedOn, generateCertificateCode, modulePassDate } from '../domain/certificate.ts';
import { fiscalYearOf, fiscalYearRange, toJstDate, type IsoDate } from '../domain/japanese-date.ts';
import { buildFacts, type AssignmentRow } from '../domain/report-facts.ts';
import type { Recurrence } from '../domain/assignment.ts';

export type Owner = { id: string; orgId: string };
type Subject = {
	kind: 'module' | 'curriculum';
	subjectId: string;
	subjectTitle: string;
	fiscalYear: number;
	completedOn: IsoDate;
};
export type Certificate = typeof certificate.$inferSelect;

/**
 * The certificate for this subject and 年度, created on first use. The unique index makes two
 * simultaneous first opens end with one row; a clash of codes (never seen in practice) draws again.
 */
export async function issueOnce(
	db: Db,
	owner: Owner,
	s: Subject,
	now = new Date(),
	newCode = generateCertificateCode
): Promise<Certificate> {
	const mine = and(
		eq(certificate.personId, owner.id),
		eq(certificate.kind, s.kind),
		eq(certificate.subjectId, s.subjectId),
		eq(certificate.fiscalYear, s.fiscalYear)
	);
	for (let tries = 0; tries < 5; tries++) {
		const [existing] = await db.select().from(certificate).where(mine);
		if (existing) return existing;
		await db
			.insert(certificate)
			.values({ id: generateId(), orgId: owner.orgId, personId: owner.id, ...s, code: newCode(), issuedAt: now })
			.onConflictDoNothing();
	}
	throw new Error('修了証を発行できませんでした。');
}

/** The module's certificate for the 年度, or null when the person did not pass it in that 年度. */
export async function openModuleCertificate(
	db: Db,
	owner: Owner,
	slug: string,
	fiscalYear: number,
	title: string,
	now = new Date()
) {
	const rows = await db
		.select({ passed: attemptResult.passed, submittedAt: attemptResult.submittedAt })
		.from(attemptResult)
		.where(
			and(
				eq(attemptResult.personId, owner.id),
				eq(attemptResult.moduleSlug, slug),
				eq(attemptResult.fiscalYear, fiscalYear),
				eq(attemptResult.passed, true)
			)
		);
	const completedOn = modulePassDate(
		rows.map((r) => ({ passed: r.passed, submittedOn: toJstDate(r.submittedAt) })),
		fiscalYear
	);
	if (!completedOn) return null;
	return issueOnce(db, owner, { kind: 'module', subjectId: slug, subjectTitle: title, fiscalYear, completedOn }, now);
}

export type CompletedCurriculum = { curriculumId: string; name: string; fiscalYear: number; completedOn: IsoDate };

/**
 * The curricula a person has completed, per 年度 (of the assignments' due dates), newest first.
 * All their results are read, so a module assigned once and passed before the 年度 began counts.
 */
export async function listCompletedCurricula(db: Db, owner: Owner, today: IsoDate): Promise<CompletedCurriculum[]> {
	const [assignments, results, exemptions, curricula] = await Promise.all([
		db.select().from(assignment).where(eq(assignment.personId, owner.id)),
		db.select().from(attemptResult).where(eq(attemptResult.personId, owner.id)).orderBy(attemptResult.submittedAt),
		db.select().from(exemption).where(eq(exemption.personId, owner.id)),
		listCurriculumModules(db, owner.orgId)
	]);
	const resultRows = results.map((r) => ({
		personId: r.personId,
		moduleSlug: r.moduleSlug,
		moduleVersion: r.moduleVersion,
		passed: r.passed,
		score: r.score,
		maxScore: r.maxScore,
		submittedOn: toJstDate(r.submittedAt)
	}));
	const exemptionRows = exemptions.map((e) => ({
		personId: e.personId,
		moduleSlug: e.moduleSlug,
		from: e.fromDate,
		to: e.toDate
	}));
	const years = [
		...new Set(assignments.filter((a) => a.source.startsWith('curriculum:')).map((a) => fiscalYearOf(a.dueDate)))
	].sort((a, b) => b - a);
	const done: CompletedCurriculum[] = [];
	for (const fy of years) {
		const { start, end } = fiscalYearRange(fy);
		const due = assignments.filter((a) => a.dueDate >= start && a.dueDate <= end);
		const rows: AssignmentRow[] = due.map((a) => ({
			personId: a.personId,
			moduleSlug: a.moduleSlug,
			mandatory: a.mandatory,
			dueDate: a.dueDate,
			recurrence: a.recurrence as Recurrence,
			periodKey: a.periodKey
		}));
		const facts = buildFacts(rows, resultRows, exemptionRows, today < end ? today : end);
		for (const c of curricula) {
			const covered = due.some((a) => a.source === `curriculum:${c.id}`);
			const completedOn = curriculumCompletedOn(
				c.items.filter((i) => i.mandatory).map((i) => i.moduleSlug),
				facts,
				covered
			);
			if (completedOn) done.push({ curriculumId: c.id, name: c.name, fiscalYear: fy, completedOn });
		}
	}
	return done;
}

/** The curriculum's certificate for the 年度, or null when the person has not completed it then. */
export async function openCurriculumCertificate(
	db: Db,
	owner: Owner,
	curriculumId: string,
	fiscalYear: number,
	today: IsoDate,
	now = new Date()
) {
	const done = (await listCompletedCurricula(db, owner, today)).find(
		(c) => c.curriculumId === curriculumId && c.fiscalYear === fiscalYear
	);
	if (!done) return null;
	return issueOnce(
		db,
		owner,
		{ kind: 'curriculum', subjectId: curriculumId, subjectTitle: done.name, fiscalYear, completedOn: done.completedOn },
		now
	);
}
