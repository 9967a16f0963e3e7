/** The import history and taking back the last import exactly (what apply.ts recorded in ImportChanges). */
import { desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { assignment, notice, person, personTag, session, staffImport, unitMembership } from '../db/schema.ts';
import { recordAudit } from '../audit.ts';
import * as m from '../../paraglide/messages.js';

export async function listImports(db: Db, orgId: string, limit = 20) {
	return db
		.select({
			id: staffImport.id,
			fileName: staffImport.fileName,
			counts: staffImport.counts,
			createdAt: staffImport.createdAt,
			undoneAt: staffImport.undoneAt,
			actorId: staffImport.actorId
		})
		.from(staffImport)
		.where(eq(staffImport.orgId, orgId))
		.orderBy(desc(staffImport.createdAt))
		.limit(limit);
}

export type UndoOutcome = { ok: true } | { ok: false; message: string };

/** Undoes the newest import if it is the last thing that changed the list. */
export async function undoLastImport(
	db: Db,
	ctx: { orgId: string; actorId: string; ip: string | null },
	importId: string,
	now = new Date()
): Promise<UndoOutcome> {
	const [last] = await db
		.select()
		.from(staffImport)
		.where(eq(staffImport.orgId, ctx.orgId))
		.orderBy(desc(staffImport.createdAt))
		.limit(1);
	if (!last || last.id !== importId || last.undoneAt) return { ok: false, message: m.import_err_undo_only_last() };
	const ch = last.changes;
	try {
		await db.transaction(async (tx) => {
			for (const t of ch.transfers) {
				await tx.delete(unitMembership).where(eq(unitMembership.id, t.opened));
				if (t.closedId) await tx.update(unitMembership).set({ endDate: null }).where(eq(unitMembership.id, t.closedId));
			}
			for (const u of ch.updated) {
				await tx.update(person).set(u.before).where(eq(person.id, u.personId));
				await tx.delete(personTag).where(eq(personTag.personId, u.personId));
				if (u.beforeTags.length)
					await tx.insert(personTag).values(u.beforeTags.map((tag) => ({ personId: u.personId, tag })));
			}
			if (ch.activated.length) await tx.update(person).set({ active: false }).where(inArray(person.id, ch.activated));
			if (ch.deactivated.length)
				await tx.update(person).set({ active: true }).where(inArray(person.id, ch.deactivated));
			if (ch.added.length) {
				// assignments are derived from the rules and go with the person; attempts are evidence and block the undo
				await tx.delete(assignment).where(inArray(assignment.personId, ch.added));
				await tx.delete(notice).where(inArray(notice.personId, ch.added));
				await tx.delete(personTag).where(inArray(personTag.personId, ch.added));
				await tx.delete(unitMembership).where(inArray(unitMembership.personId, ch.added));
				await tx.delete(session).where(inArray(session.personId, ch.added));
				await tx.delete(person).where(inArray(person.id, ch.added));
			}
			await tx.update(staffImport).set({ undoneAt: now }).where(eq(staffImport.id, last.id));
		});
	} catch (e) {
		const err = e as { message?: string; cause?: { message?: string } };
		if (!/FOREIGN KEY/i.test(`${err.message} ${err.cause?.message}`)) throw e;
		return { ok: false, message: m.import_err_undo_training_started() };
	}
	await recordAudit(
		db,
		{
			orgId: ctx.orgId,
			actorId: ctx.actorId,
			action: 'staff.import_undone',
			targetType: 'staff_import',
			targetId: last.id,
			ip: ctx.ip
		},
		now
	);
	return { ok: true };
}
