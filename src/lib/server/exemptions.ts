import { and, desc, eq } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { exemption } from './db/schema.ts';
import { generateId } from './auth/token.ts';
import { recordAudit } from './audit.ts';

export const EXEMPTION_REASONS = ['休職', '育児休業', '介護休業', '長期研修', 'その他'] as const;

export type NewExemption = {
	personId: string;
	moduleSlug: string | null;
	reason: string;
	note: string | null;
	fromDate: string;
	toDate: string;
};

/** Records an exemption and its audit event (who, for whom, why, which period). */
export async function recordExemption(
	db: Db,
	actor: { id: string; orgId: string },
	e: NewExemption,
	ip: string | null,
	now = new Date()
) {
	const row = { id: generateId(), orgId: actor.orgId, ...e, createdBy: actor.id, createdAt: now };
	await db.insert(exemption).values(row);
	await recordAudit(
		db,
		{
			orgId: actor.orgId,
			actorId: actor.id,
			action: 'exemption.recorded',
			targetType: 'person',
			targetId: e.personId,
			after: e,
			ip
		},
		now
	);
}

export async function listExemptions(db: Db, orgId: string, personId: string) {
	return db
		.select()
		.from(exemption)
		.where(and(eq(exemption.orgId, orgId), eq(exemption.personId, personId)))
		.orderBy(desc(exemption.fromDate));
}
