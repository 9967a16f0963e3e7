import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { orgIdColumn, personIdColumn } from './org.ts';

/** A plan's target as data: a metric over a scope for one 年度, with its goal and baseline. */
export const target = sqliteTable(
	'target',
	{
		id: text('id').primaryKey(),
		orgId: orgIdColumn(),
		name: text('name').notNull(),
		metric: text('metric', { enum: ['comprehension_rate', 'completion_rate', 'person_count', 'coverage'] }).notNull(),
		scopeKind: text('scope_kind', { enum: ['module', 'category', 'curriculum', 'tag', 'all'] }).notNull(),
		scopeValue: text('scope_value').notNull(),
		fiscalYear: integer('fiscal_year').notNull(),
		threshold: real('threshold').notNull(),
		baseline: real('baseline'),
		source: text('source'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('target_org_fy_idx').on(t.orgId, t.fiscalYear)]
);

/** Training outside Manabi that counts for 延べ人数: classroom sessions, external courses, certifications. */
export const trainingRecord = sqliteTable(
	'training_record',
	{
		id: text('id').primaryKey(),
		orgId: orgIdColumn(),
		personId: personIdColumn(),
		kind: text('kind', { enum: ['classroom', 'external', 'certification'] }).notNull(),
		title: text('title').notNull(),
		category: text('category').notNull(),
		date: text('date').notNull(),
		fiscalYear: integer('fiscal_year').notNull(),
		createdBy: text('created_by').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('training_record_org_fy_idx').on(t.orgId, t.fiscalYear),
		uniqueIndex('training_record_once_uq').on(t.personId, t.title, t.date)
	]
);

/** A closed 年度: the evidence pack exactly as frozen, with its SHA-256. Never updated or deleted. */
export const fiscalYearClose = sqliteTable(
	'fiscal_year_close',
	{
		id: text('id').primaryKey(),
		orgId: orgIdColumn(),
		fiscalYear: integer('fiscal_year').notNull(),
		pack: text('pack').notNull(),
		sha256: text('sha256').notNull(),
		closedBy: text('closed_by').notNull(),
		closedAt: integer('closed_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('fiscal_year_close_uq').on(t.orgId, t.fiscalYear)]
);
