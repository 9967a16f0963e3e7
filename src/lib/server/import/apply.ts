import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { orgUnit, person, personTag, roleGrant, session, staffImport, unitMembership } from '../db/schema.ts';
import { generateId } from '../auth/token.ts';
import { recordAudit } from '../audit.ts';
import { addDays } from '../../domain/japanese-date.ts';
import type { CurrentStaff, ImportPlan, IncomingStaff } from '../../domain/staff-import.ts';
import { loadStaffSnapshot } from '../staff-snapshot.ts';

type Fields = Pick<typeof person.$inferSelect, 'name' | 'kana' | 'jobGrade' | 'employmentType' | 'hireDate' | 'email'>;

/** What an import changed, kept so that it can be undone exactly. */
export type ImportChanges = {
	added: string[];
	updated: { personId: string; before: Fields; beforeTags: string[] }[];
	transfers: { personId: string; closedId: string | null; opened: string }[];
	activated: string[];
	deactivated: string[];
};

/** The organisation's staff as the import compares them: current unit codes and tags. */
export async function listCurrentStaff(db: Db, orgId: string, today: string): Promise<CurrentStaff[]> {
	const snap = await loadStaffSnapshot(db, orgId, today);
	return snap.people.map((p) => {
		const open = snap.membershipsOf(p.id).filter((x) => x.end === null);
		return {
			employeeNo: p.employeeNo,
			name: p.name,
			kana: p.kana,
			jobGrade: p.jobGrade,
			employmentType: p.employmentType,
			hireDate: p.hireDate,
			email: p.email,
			active: p.active,
			tags: snap.tagsOf(p.id),
			unitCode: open.filter((x) => x.start <= today).at(-1)?.code ?? open[0]?.code ?? null
		};
	});
}

export async function listAdminEmployeeNos(db: Db, orgId: string) {
	const rows = await db
		.select({ employeeNo: person.employeeNo })
		.from(roleGrant)
		.innerJoin(person, eq(person.id, roleGrant.personId))
		.where(and(eq(roleGrant.orgId, orgId), eq(roleGrant.role, 'admin')));
	return rows.map((r) => r.employeeNo);
}

export async function listUnitCodes(db: Db, orgId: string) {
	const rows = await db.select({ id: orgUnit.id, code: orgUnit.code }).from(orgUnit).where(eq(orgUnit.orgId, orgId));
	return new Map(rows.map((r) => [r.code, r.id]));
}

const fieldsOf = (r: IncomingStaff): Fields => ({
	name: r.name,
	kana: r.kana,
	jobGrade: r.jobGrade,
	employmentType: r.employmentType as Fields['employmentType'],
	hireDate: r.hireDate,
	email: r.email
});

const CHUNK = 500;
async function inChunks<T>(rows: readonly T[], run: (chunk: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += CHUNK) await run(rows.slice(i, i + CHUNK));
}

/**
 * Applies a previewed plan in one transaction, with its audit event; nothing is half-applied.
 * Everything the plan touches is read up front and written in batches, so a 30,000-row list
 * costs a few hundred statements, not several per person.
 */
export async function applyImport(
	db: Db,
	ctx: { orgId: string; actorId: string; fileName: string; encoding: string; ip: string | null },
	plan: ImportPlan,
	incoming: IncomingStaff[],
	now = new Date()
) {
	const [units, people, tags, openMemberships] = await Promise.all([
		listUnitCodes(db, ctx.orgId),
		db
			.select({
				id: person.id,
				employeeNo: person.employeeNo,
				name: person.name,
				kana: person.kana,
				jobGrade: person.jobGrade,
				employmentType: person.employmentType,
				hireDate: person.hireDate,
				email: person.email
			})
			.from(person)
			.where(eq(person.orgId, ctx.orgId)),
		db
			.select({ personId: personTag.personId, tag: personTag.tag })
			.from(personTag)
			.innerJoin(person, eq(person.id, personTag.personId))
			.where(eq(person.orgId, ctx.orgId)),
		db
			.select({ id: unitMembership.id, personId: unitMembership.personId })
			.from(unitMembership)
			.where(and(eq(unitMembership.orgId, ctx.orgId), isNull(unitMembership.endDate)))
	]);
	const byNo = new Map(people.map((p) => [p.employeeNo, p]));
	const byId = new Map(people.map((p) => [p.id, p]));
	const idOf = (no: string) => byNo.get(no)!.id;
	const tagsOf = new Map<string, string[]>();
	for (const t of tags) tagsOf.set(t.personId, [...(tagsOf.get(t.personId) ?? []), t.tag]);
	const openOf = new Map(openMemberships.map((x) => [x.personId, x.id]));
	const rowOf = new Map(incoming.map((r) => [r.employeeNo, r]));

	const added = plan.added.map((r) => ({ r, id: generateId() }));
	const changed = plan.changed.map((c) => ({ id: idOf(c.employeeNo), r: rowOf.get(c.employeeNo)! }));
	const transfers = plan.transfers.map((t) => ({
		t,
		id: idOf(t.employeeNo),
		closedId: openOf.get(idOf(t.employeeNo)) ?? null,
		opened: generateId()
	}));
	const changes: ImportChanges = {
		added: added.map((a) => a.id),
		updated: changed.map(({ id }) => {
			const { id: _id, employeeNo: _no, ...before } = byId.get(id)!;
			return { personId: id, before: before as Fields, beforeTags: tagsOf.get(id) ?? [] };
		}),
		transfers: transfers.map(({ id, closedId, opened }) => ({ personId: id, closedId, opened })),
		activated: plan.reactivated.map(idOf),
		deactivated: plan.deactivated.map((d) => idOf(d.employeeNo))
	};
	const importId = generateId();
	const counts = {
		added: plan.added.length,
		changed: plan.changed.length,
		transfers: plan.transfers.length,
		reactivated: plan.reactivated.length,
		deactivated: plan.deactivated.length
	};
	await db.transaction(async (tx) => {
		await inChunks(added, (chunk) =>
			tx.insert(person).values(
				chunk.map(({ r, id }) => ({
					id,
					orgId: ctx.orgId,
					employeeNo: r.employeeNo,
					...fieldsOf(r),
					mustChangePassword: true
				}))
			)
		);
		await inChunks(added, (chunk) =>
			tx.insert(unitMembership).values(
				chunk.map(({ r, id }) => ({
					id: generateId(),
					orgId: ctx.orgId,
					personId: id,
					unitId: units.get(r.unitCode!)!,
					startDate: r.effectiveDate ?? r.hireDate
				}))
			)
		);
		for (const { id, r } of changed) await tx.update(person).set(fieldsOf(r)).where(eq(person.id, id));
		await inChunks(
			changed.map((c) => c.id),
			(ids) => tx.delete(personTag).where(inArray(personTag.personId, ids))
		);
		const newTags = [...added, ...changed].flatMap(({ id, r }) => r.tags.map((tag) => ({ personId: id, tag })));
		await inChunks(newTags, (chunk) => tx.insert(personTag).values(chunk));
		for (const { t, closedId } of transfers)
			if (closedId)
				await tx
					.update(unitMembership)
					.set({ endDate: addDays(t.effectiveDate, -1) })
					.where(eq(unitMembership.id, closedId));
		await inChunks(transfers, (chunk) =>
			tx.insert(unitMembership).values(
				chunk.map(({ t, id, opened }) => ({
					id: opened,
					orgId: ctx.orgId,
					personId: id,
					unitId: units.get(t.to)!,
					startDate: t.effectiveDate
				}))
			)
		);
		await inChunks(changes.activated, (ids) => tx.update(person).set({ active: true }).where(inArray(person.id, ids)));
		await inChunks(changes.deactivated, async (ids) => {
			await tx.update(person).set({ active: false }).where(inArray(person.id, ids));
			await tx.delete(session).where(inArray(session.personId, ids));
		});
		await tx.insert(staffImport).values({
			id: importId,
			orgId: ctx.orgId,
			actorId: ctx.actorId,
			fileName: ctx.fileName,
			encoding: ctx.encoding,
			counts,
			changes,
			createdAt: now
		});
		await recordAudit(
			tx,
			{
				orgId: ctx.orgId,
				actorId: ctx.actorId,
				action: 'staff.import',
				targetType: 'staff_import',
				targetId: importId,
				after: { fileName: ctx.fileName, ...counts },
				ip: ctx.ip
			},
			now
		);
	});
	return importId;
}
