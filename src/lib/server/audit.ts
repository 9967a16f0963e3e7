import { desc, eq } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { auditEvent, person } from './db/schema.ts';

export type AuditInput = {
	orgId: string | null;
	actorId: string | null;
	action: string;
	targetType?: string;
	targetId?: string;
	before?: unknown;
	after?: unknown;
	ip?: string | null;
};

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** The database or an open transaction: audit rows belong in the same transaction as the change. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export async function recordAudit(db: DbOrTx, e: AuditInput, at = new Date()) {
	await db.insert(auditEvent).values({
		orgId: e.orgId,
		actorId: e.actorId,
		action: e.action,
		targetType: e.targetType ?? null,
		targetId: e.targetId ?? null,
		before: json(e.before),
		after: json(e.after),
		ip: e.ip ?? null,
		at
	});
}

export async function listRecentAudit(db: Db, orgId: string, limit = 100) {
	return db
		.select({
			id: auditEvent.id,
			at: auditEvent.at,
			action: auditEvent.action,
			targetType: auditEvent.targetType,
			targetId: auditEvent.targetId,
			ip: auditEvent.ip,
			actorName: person.name,
			actorEmployeeNo: person.employeeNo
		})
		.from(auditEvent)
		.leftJoin(person, eq(person.id, auditEvent.actorId))
		.where(eq(auditEvent.orgId, orgId))
		.orderBy(desc(auditEvent.at), desc(auditEvent.id))
		.limit(limit);
}
