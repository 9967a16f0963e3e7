/** Who holds which role, granting and revoking (admin only; every change audited). */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { orgUnit, person, roleGrant, type Role } from './db/schema.ts';
import { recordAudit } from './audit.ts';
import { invalidateAllSessions } from './auth/session.ts';
import { getPersonByEmployeeNo } from './people.ts';
import { generateId } from './auth/token.ts';
import { grantProblems, revokeProblem } from '../domain/role-grant.ts';
import * as m from '../paraglide/messages.js';

type Actor = { id: string; orgId: string };

export async function listRoleGrants(db: Db, orgId: string) {
	return db
		.select({
			id: roleGrant.id,
			role: roleGrant.role,
			personId: person.id,
			employeeNo: person.employeeNo,
			name: person.name,
			kana: person.kana,
			active: person.active,
			unitName: orgUnit.name,
			unitCode: orgUnit.code
		})
		.from(roleGrant)
		.innerJoin(person, eq(person.id, roleGrant.personId))
		.leftJoin(orgUnit, eq(orgUnit.id, roleGrant.unitId))
		.where(eq(roleGrant.orgId, orgId))
		.orderBy(asc(roleGrant.role), asc(person.kana));
}

export type GrantResult = { ok: true } | { ok: false; fieldErrors: Record<string, string> };

export async function grantRole(
	db: Db,
	actor: Actor,
	input: { employeeNo: string; role: string; unitCode: string | undefined },
	ip: string
): Promise<GrantResult> {
	const target = await getPersonByEmployeeNo(db, actor.orgId, input.employeeNo);
	if (!target?.active) return { ok: false, fieldErrors: { employeeNo: m.roles_err_no_active_person() } };
	const [unit] = input.unitCode
		? await db
				.select()
				.from(orgUnit)
				.where(and(eq(orgUnit.orgId, actor.orgId), eq(orgUnit.code, input.unitCode), eq(orgUnit.active, true)))
		: [];
	const fieldErrors = grantProblems({ role: input.role, unit: unit ?? null, unitGiven: !!input.unitCode });
	if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
	const role = input.role as Role;
	const unitId = role === 'manager' ? unit!.id : null;
	const existing = await db
		.select({ id: roleGrant.id, unitId: roleGrant.unitId })
		.from(roleGrant)
		.where(and(eq(roleGrant.personId, target.id), eq(roleGrant.role, role)));
	if (existing.some((g) => g.unitId === unitId))
		return { ok: false, fieldErrors: { role: m.roles_err_already_granted() } };
	await db.transaction(async (tx) => {
		const id = generateId();
		await tx.insert(roleGrant).values({ id, orgId: actor.orgId, personId: target.id, role, unitId });
		await recordAudit(tx, {
			orgId: actor.orgId,
			actorId: actor.id,
			action: 'role.granted',
			targetType: 'person',
			targetId: target.id,
			after: { grantId: id, role, unitCode: unit?.code ?? null },
			ip
		});
	});
	return { ok: true };
}

/** Removing a role ends all of the person's sessions, so nothing keeps the old rights. */
export async function revokeRole(
	db: Db,
	actor: Actor,
	grantId: string,
	ip: string
): Promise<{ ok: true } | { ok: false; message: string }> {
	const grants = await listRoleGrants(db, actor.orgId);
	const problem = revokeProblem(grants, grantId);
	if (problem) return { ok: false, message: problem };
	const g = grants.find((x) => x.id === grantId)!;
	await db.transaction(async (tx) => {
		await tx.delete(roleGrant).where(eq(roleGrant.id, grantId));
		await recordAudit(tx, {
			orgId: actor.orgId,
			actorId: actor.id,
			action: 'role.revoked',
			targetType: 'person',
			targetId: g.personId,
			before: { grantId, role: g.role, unitCode: g.unitCode },
			ip
		});
	});
	await invalidateAllSessions(db, g.personId);
	return { ok: true };
}
