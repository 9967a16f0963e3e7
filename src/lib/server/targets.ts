import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { target } from './db/schema.ts';
import { generateId } from './auth/token.ts';
import { recordAudit } from './audit.ts';
import type { TargetDef } from './reports/target-labels.ts';

export type NewTarget = Omit<TargetDef, 'id'> & { fiscalYear: number };

export async function listTargets(db: Db, orgId: string, fiscalYear: number): Promise<TargetDef[]> {
	const rows = await db
		.select()
		.from(target)
		.where(and(eq(target.orgId, orgId), eq(target.fiscalYear, fiscalYear)))
		.orderBy(asc(target.createdAt), asc(target.name));
	return rows.map((t) => ({
		id: t.id,
		name: t.name,
		metric: t.metric,
		scopeKind: t.scopeKind,
		scopeValue: t.scopeValue,
		threshold: t.threshold,
		baseline: t.baseline,
		source: t.source
	}));
}

export async function createTarget(
	db: Db,
	actor: { id: string | null; orgId: string },
	t: NewTarget,
	ip: string | null,
	now = new Date()
) {
	const id = generateId();
	await db.transaction(async (tx) => {
		await tx.insert(target).values({ id, orgId: actor.orgId, ...t, createdAt: now });
		await recordAudit(
			tx,
			{
				orgId: actor.orgId,
				actorId: actor.id,
				action: 'target.created',
				targetType: 'target',
				targetId: id,
				after: t,
				ip
			},
			now
		);
	});
	return id;
}

export async function deleteTarget(
	db: Db,
	actor: { id: string; orgId: string },
	id: string,
	ip: string | null,
	now = new Date()
) {
	const [before] = await db
		.select()
		.from(target)
		.where(and(eq(target.id, id), eq(target.orgId, actor.orgId)));
	if (!before) return false;
	await db.transaction(async (tx) => {
		await tx.delete(target).where(eq(target.id, id));
		await recordAudit(
			tx,
			{
				orgId: actor.orgId,
				actorId: actor.id,
				action: 'target.deleted',
				targetType: 'target',
				targetId: id,
				before,
				ip
			},
			now
		);
	});
	return true;
}

/** The demo plans' own targets (盛岡市, 柳川市), for the given 年度. */
export function planTargets(fiscalYear: number): NewTarget[] {
	return [
		{
			name: 'セキュリティ研修受講職員の理解度100%を維持',
			metric: 'comprehension_rate',
			scopeKind: 'module',
			scopeValue: 'security-policy',
			threshold: 100,
			baseline: null,
			source: '盛岡市 DX推進計画',
			fiscalYear
		},
		{
			name: '全職員が情報セキュリティ研修を受講',
			metric: 'coverage',
			scopeKind: 'module',
			scopeValue: 'security-policy',
			threshold: 100,
			baseline: null,
			source: '柳川市 DX推進計画（現状: 一部職員に限られている）',
			fiscalYear
		},
		{
			name: '情報化人材育成の研修 延べ1,000人以上',
			metric: 'person_count',
			scopeKind: 'all',
			scopeValue: '',
			threshold: 1000,
			baseline: null,
			source: '盛岡市 DX推進計画',
			fiscalYear
		},
		{
			name: '割り当てた研修の修了率90%',
			metric: 'completion_rate',
			scopeKind: 'all',
			scopeValue: '',
			threshold: 90,
			baseline: null,
			source: 'みらい市 人材育成方針（デモ）',
			fiscalYear
		}
	];
}
