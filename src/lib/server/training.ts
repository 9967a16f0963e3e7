import { and, desc, eq, inArray } from 'drizzle-orm';
import type { TrainingRow } from './import/training-csv.ts';
import type { Db } from './db/client.ts';
import { person, trainingRecord } from './db/schema.ts';
import { generateId } from './auth/token.ts';
import { recordAudit } from './audit.ts';
import { fiscalYearOf } from '../domain/japanese-date.ts';
import * as m from '../paraglide/messages.js';

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
	const [p] = await db
		.select({ id: person.id, name: person.name })
		.from(person)
		.where(and(eq(person.orgId, actor.orgId), eq(person.employeeNo, r.employeeNo)));
	if (!p) return { ok: false, field: 'employeeNo', message: m.training_err_unknown_employee() };
	const id = generateId();
	const res = await db
		.insert(trainingRecord)
		.values({
			id,
			orgId: actor.orgId,
			personId: p.id,
			kind: r.kind,
			title: r.title,
			category: r.category,
			date: r.date,
			fiscalYear: fiscalYearOf(r.date),
			createdBy: actor.id,
			createdAt: now
		})
		.onConflictDoNothing();
	if (res.rowsAffected === 0) return { ok: false, field: 'title', message: m.training_err_duplicate() };
	await recordAudit(
		db,
		{
			orgId: actor.orgId,
			actorId: actor.id,
			action: 'training.recorded',
			targetType: 'person',
			targetId: p.id,
			after: r,
			ip
		},
		now
	);
	return { ok: true, name: p.name };
}

export async function listRecentTraining(db: Db, orgId: string, limit = 20) {
	return db
		.select({
			id: trainingRecord.id,
			kind: trainingRecord.kind,
			title: trainingRecord.title,
			category: trainingRecord.category,
			date: trainingRecord.date,
			name: person.name,
			employeeNo: person.employeeNo
		})
		.from(trainingRecord)
		.innerJoin(person, eq(person.id, trainingRecord.personId))
		.where(eq(trainingRecord.orgId, orgId))
		.orderBy(desc(trainingRecord.createdAt))
		.limit(limit);
}

export type TrainingImportOutcome =
	| { ok: true; added: number; duplicates: number }
	| { ok: false; message: string; errors: { row: number; column: string; message: string }[] };

/** Records many rows at once: all or nothing, unknown 職員番号 named by row; one audit event. */
export async function importTraining(
	db: Db,
	actor: { id: string; orgId: string },
	rows: TrainingRow[],
	ip: string | null,
	now = new Date()
): Promise<TrainingImportOutcome> {
	const known = new Map<string, string>();
	const numbers = [...new Set(rows.map((r) => r.employeeNo))];
	for (let i = 0; i < numbers.length; i += 500) {
		const found = await db
			.select({ id: person.id, employeeNo: person.employeeNo })
			.from(person)
			.where(and(eq(person.orgId, actor.orgId), inArray(person.employeeNo, numbers.slice(i, i + 500))));
		for (const p of found) known.set(p.employeeNo, p.id);
	}
	const errors = rows
		.filter((r) => !known.has(r.employeeNo))
		.map((r) => ({
			row: r.row,
			column: '職員番号',
			message: m.training_err_row_unknown_employee({ employeeNo: r.employeeNo })
		}));
	if (errors.length) return { ok: false, message: m.training_err_rows({ count: errors.length }), errors };
	let added = 0;
	await db.transaction(async (tx) => {
		for (let i = 0; i < rows.length; i += 200) {
			const res = await tx
				.insert(trainingRecord)
				.values(
					rows.slice(i, i + 200).map((r) => ({
						id: generateId(),
						orgId: actor.orgId,
						personId: known.get(r.employeeNo)!,
						kind: r.kind,
						title: r.title,
						category: r.category,
						date: r.date,
						fiscalYear: fiscalYearOf(r.date),
						createdBy: actor.id,
						createdAt: now
					}))
				)
				.onConflictDoNothing();
			added += res.rowsAffected;
		}
		await recordAudit(
			tx,
			{
				orgId: actor.orgId,
				actorId: actor.id,
				action: 'training.imported',
				targetType: 'training_record',
				after: { rows: rows.length, added },
				ip
			},
			now
		);
	});
	return { ok: true, added, duplicates: rows.length - added };
}
