/**
 * Applies the organisation chart CSV: new units, renamed ones, and ones moved under another parent
 * (their whole subtree's paths move with them). All or nothing, audited in the same transaction.
 */
import { isInSubtree, movePath } from '../../domain/unit-path.ts';
import { and, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { orgUnit } from '../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { generateId } from '../auth/token.ts';
import { parentsFirst, planUnits, type UnitRecord, type UnitRowError } from '../../domain/unit-import.ts';
import { readUnitCsv } from './unit-csv.ts';
import * as m from '../../paraglide/messages.js';

export type UnitImportOutcome =
	| { ok: true; added: number; changed: number; moved: number; unchanged: number }
	| { ok: false; message: string; errors: UnitRowError[] };

type Actor = { id: string; orgId: string };

export async function importUnits(db: Db, actor: Actor, text: string, ip: string | null): Promise<UnitImportOutcome> {
	const read = readUnitCsv(text);
	if (!read.ok) return { ok: false, message: read.message, errors: [] };
	const rows = await db.select().from(orgUnit).where(eq(orgUnit.orgId, actor.orgId));
	const byId = new Map(rows.map((r) => [r.id, r]));
	const current: UnitRecord[] = rows.map((r) => ({
		code: r.code,
		name: r.name,
		kana: r.kana,
		kind: r.kind,
		parentCode: r.parentId ? (byId.get(r.parentId)?.code ?? null) : null
	}));
	const plan = planUnits(current, read.rows);
	const errors = [...read.errors, ...plan.errors].sort((a, b) => a.row - b.row);
	if (errors.length) return { ok: false, message: m.import_err_units_rejected({ count: errors.length }), errors };

	await db.transaction(async (tx) => {
		const byCode = new Map(rows.map((r) => [r.code, { id: r.id, path: r.path }]));
		let order = rows.length;
		for (const u of parentsFirst(plan.added)) {
			const id = generateId();
			const parent = u.parentCode ? byCode.get(u.parentCode)! : null;
			const path = `${parent?.path ?? '/'}${id}/`;
			await tx.insert(orgUnit).values({
				id,
				orgId: actor.orgId,
				parentId: parent?.id ?? null,
				code: u.code,
				name: u.name,
				kana: u.kana,
				kind: u.kind,
				path,
				sortOrder: order++
			});
			byCode.set(u.code, { id, path });
		}
		for (const u of plan.changed)
			await tx
				.update(orgUnit)
				.set({ name: u.name, kana: u.kana })
				.where(and(eq(orgUnit.orgId, actor.orgId), eq(orgUnit.code, u.code)));
		for (const u of parentsFirst(plan.moved)) {
			const unit = byCode.get(u.code)!;
			const parent = byCode.get(u.parentCode!)!;
			const newPath = `${parent.path}${unit.id}/`;
			// the unit and everything under it: replace the old path prefix with the new one
			await tx
				.update(orgUnit)
				.set({ path: sql`${newPath} || substr(${orgUnit.path}, ${unit.path.length + 1})` })
				.where(and(eq(orgUnit.orgId, actor.orgId), like(orgUnit.path, `${unit.path}%`)));
			await tx.update(orgUnit).set({ parentId: parent.id, name: u.name, kana: u.kana }).where(eq(orgUnit.id, unit.id));
			for (const [code, v] of byCode)
				if (isInSubtree(v.path, unit.path)) byCode.set(code, { ...v, path: movePath(v.path, unit.path, newPath) });
		}
		await recordAudit(tx, {
			orgId: actor.orgId,
			actorId: actor.id,
			action: 'units.imported',
			targetType: 'org_unit',
			after: {
				added: plan.added.map((u) => u.code),
				changed: plan.changed.map((u) => u.code),
				moved: plan.moved.map((u) => `${u.code}→${u.parentCode}`)
			},
			ip
		});
	});
	return {
		ok: true,
		added: plan.added.length,
		changed: plan.changed.length,
		moved: plan.moved.length,
		unchanged: plan.unchanged
	};
}
