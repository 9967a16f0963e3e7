/**
 * 初期パスワードの一括発行: every active member of staff who has no password yet (new on the
 * staff list) gets a one-time password, returned once for the パスワード通知 sheet. Existing
 * passwords are never replaced; administrators' accounts are left to an administrator.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { person, roleGrant } from '../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { canIssuePasswordFor, type Viewer } from '../../domain/access.ts';
import type { Role } from '../../domain/access.ts';
import { hashPassword } from './password.ts';
import { generateInitialPassword } from './token.ts';
import { groupBy } from '../staff-snapshot.ts';

/** One request issues at most this many (argon2 takes a few ms each); the rest are left for the next. */
export const BULK_LIMIT = 1000;

async function withoutPassword(db: Db, viewer: Viewer) {
	const people = await db
		.select({ id: person.id, orgId: person.orgId, employeeNo: person.employeeNo, name: person.name, kana: person.kana })
		.from(person)
		.where(and(eq(person.orgId, viewer.orgId), eq(person.active, true), isNull(person.passwordHash)))
		.orderBy(person.employeeNo);
	const grants = people.length
		? await db
				.select({ personId: roleGrant.personId, role: roleGrant.role })
				.from(roleGrant)
				.where(eq(roleGrant.orgId, viewer.orgId))
		: [];
	const rolesOf = groupBy(grants, (g) => g.personId);
	return people.filter((p) =>
		canIssuePasswordFor(viewer, { ...p, roles: (rolesOf.get(p.id) ?? []).map((g) => g.role as Role) })
	);
}

export const countWithoutPassword = async (db: Db, viewer: Viewer) => (await withoutPassword(db, viewer)).length;

export type IssuedPassword = { employeeNo: string; name: string; kana: string; password: string };

export async function issueMissingPasswords(db: Db, viewer: Viewer, ip: string | null, limit = BULK_LIMIT) {
	const targets = (await withoutPassword(db, viewer)).slice(0, limit);
	const issued: (IssuedPassword & { id: string; hash: string })[] = [];
	for (let i = 0; i < targets.length; i += 16) {
		const batch = targets.slice(i, i + 16);
		const hashed = await Promise.all(
			batch.map(async (p) => {
				const password = generateInitialPassword();
				return { ...p, password, hash: await hashPassword(password) };
			})
		);
		issued.push(...hashed);
	}
	const now = new Date();
	const done = new Set<string>();
	await db.transaction(async (tx) => {
		for (const p of issued) {
			// only if still without a password: a person set up meanwhile keeps theirs
			const rows = await tx
				.update(person)
				.set({ passwordHash: p.hash, mustChangePassword: true, passwordChangedAt: now })
				.where(and(eq(person.id, p.id), isNull(person.passwordHash)))
				.returning({ id: person.id });
			if (rows.length) done.add(p.id);
		}
		await recordAudit(
			tx,
			{
				orgId: viewer.orgId,
				actorId: viewer.id,
				action: 'person.initial_passwords_bulk',
				targetType: 'person',
				after: { count: done.size, employeeNos: issued.filter((p) => done.has(p.id)).map((p) => p.employeeNo) },
				ip
			},
			now
		);
	});
	return {
		issued: issued
			.filter((p) => done.has(p.id))
			.map(({ employeeNo, name, kana, password }) => ({ employeeNo, name, kana, password })),
		remaining: await countWithoutPassword(db, viewer)
	};
}
