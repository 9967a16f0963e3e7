import { and, desc, eq } from 'drizzle-orm';
import type { Db } from './db/client';
import { person, trainingRecord } from './db/schema';
import { generateId } from './auth/token';
import { recordAudit } from './audit';
import { fiscalYearOf } from '../domain/japanese-date';

export const TRAINING_KINDS = ['classroom', 'external', 'certification'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export type TrainingOutcome = { ok: true; name: string } | { ok: false; field: string; message: string };

/** Records one classroom session, external course or certification for a person (by 職員番号). */
export async function recordTraining(
	db: Db,
	actor: { id: string; orgId: string },
	r: { employeeNo: string; kind: TrainingKind; title: string; category: string; date: string },
	ip: string | null,
	now = new Date()
): Promise<TrainingOutcome> {
	const [p] = await db.select({ id: person.id, name: person.name }).from(person).where(and(eq(person.orgId, actor.orgId), eq(person.employeeNo, r.employeeNo)));
	if (!p) return { ok: false, field: 'employeeNo', message: 'この職員番号の職員はいません。先頭の0も含めて入力してください。' };
	const id = generateId();
	const res = await db.insert(trainingRecord).values({ id, orgId: actor.orgId, personId: p.id, kind: r.kind, title: r.title, category: r.category, date: r.date, fiscalYear: fiscalYearOf(r.date), createdBy: actor.id, createdAt: now }).onConflictDoNothing();
	if (res.rowsAffected === 0) return { ok: false, field: 'title', message: '同じ日の同じ研修は、この職員にすでに記録されています。' };
	await recordAudit(db, { orgId: actor.orgId, actorId: actor.id, action: 'training.recorded', targetType: 'person', targetId: p.id, after: r, ip }, now);
	return { ok: true, name: p.name };
}

export async function listRecentTraining(db: Db, orgId: string, limit = 20) {
	return db
		.select({ id: trainingRecord.id, kind: trainingRecord.kind, title: trainingRecord.title, category: trainingRecord.category, date: trainingRecord.date, name: person.name, employeeNo: person.employeeNo })
		.from(trainingRecord).innerJoin(person, eq(person.id, trainingRecord.personId))
		.where(eq(trainingRecord.orgId, orgId)).orderBy(desc(trainingRecord.createdAt)).limit(limit);
}
