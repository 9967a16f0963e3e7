/** Reading the audit log for the administrator: a filtered page, or every matching row in pages. */
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from './db/client.ts';
import { auditEvent, person } from './db/schema.ts';
import { AUDIT_PAGE_SIZE, auditRange, type AuditFilter } from '../domain/audit-filter.ts';

/** The person an event was about, when it was about a person (shown by name, not by id). */
const target = alias(person, 'target');

const columns = {
	id: auditEvent.id,
	at: auditEvent.at,
	action: auditEvent.action,
	targetType: auditEvent.targetType,
	targetId: auditEvent.targetId,
	before: auditEvent.before,
	after: auditEvent.after,
	ip: auditEvent.ip,
	actorName: person.name,
	actorEmployeeNo: person.employeeNo,
	targetName: target.name,
	targetEmployeeNo: target.employeeNo
};

export type AuditRow = {
	id: number;
	at: Date;
	action: string;
	targetType: string | null;
	targetId: string | null;
	before: string | null;
	after: string | null;
	ip: string | null;
	actorName: string | null;
	actorEmployeeNo: string | null;
	targetName: string | null;
	targetEmployeeNo: string | null;
};

function where(orgId: string, f: AuditFilter, beforeId?: number): SQL | undefined {
	const { since, until } = auditRange(f);
	return and(
		eq(auditEvent.orgId, orgId),
		since ? gte(auditEvent.at, since) : undefined,
		until ? lt(auditEvent.at, until) : undefined,
		f.action ? eq(auditEvent.action, f.action) : undefined,
		f.actor ? eq(person.employeeNo, f.actor) : undefined,
		beforeId !== undefined ? lt(auditEvent.id, beforeId) : undefined
	);
}

const base = (db: Db) =>
	db
		.select(columns)
		.from(auditEvent)
		.leftJoin(person, eq(person.id, auditEvent.actorId))
		.leftJoin(target, and(eq(auditEvent.targetType, 'person'), eq(target.id, auditEvent.targetId)));

/** Newest first; ids grow with time, so the id orders rows recorded in the same millisecond. */
export async function searchAudit(db: Db, orgId: string, f: AuditFilter) {
	const [rows, [{ total }]] = await Promise.all([
		base(db)
			.where(where(orgId, f))
			.orderBy(desc(auditEvent.id))
			.limit(AUDIT_PAGE_SIZE)
			.offset((f.page - 1) * AUDIT_PAGE_SIZE),
		db
			.select({ total: count() })
			.from(auditEvent)
			.leftJoin(person, eq(person.id, auditEvent.actorId))
			.where(where(orgId, f))
	]);
	return { rows: rows as AuditRow[], total };
}

/** Every matching row, newest first, 2,000 at a time (keyset paging keeps memory flat). */
export async function* auditPages(db: Db, orgId: string, f: AuditFilter): AsyncGenerator<AuditRow[]> {
	let beforeId: number | undefined;
	for (;;) {
		const rows = (await base(db)
			.where(where(orgId, f, beforeId))
			.orderBy(desc(auditEvent.id))
			.limit(2000)) as AuditRow[];
		if (rows.length === 0) return;
		yield rows;
		beforeId = rows[rows.length - 1].id;
	}
}
