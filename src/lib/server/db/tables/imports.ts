import type { ImportChanges } from '../../import/apply.ts';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { orgIdColumn } from './org.ts';

/**
 * One staff-list import: who, when, which file, the counts, and what it changed (so the last
 * import can be undone). `undoneAt` is set when it is undone.
 */
export const staffImport = sqliteTable(
	'staff_import',
	{
		id: text('id').primaryKey(),
		orgId: orgIdColumn(),
		actorId: text('actor_id').notNull(),
		fileName: text('file_name').notNull(),
		encoding: text('encoding').notNull(),
		counts: text('counts', { mode: 'json' }).notNull(),
		changes: text('changes', { mode: 'json' }).$type<ImportChanges>().notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		undoneAt: integer('undone_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('staff_import_org_idx').on(t.orgId, t.createdAt)]
);

/** An uploaded file between preview and apply (deleted when applied). */
export const staffImportDraft = sqliteTable('staff_import_draft', {
	id: text('id').primaryKey(),
	orgId: orgIdColumn(),
	actorId: text('actor_id').notNull(),
	fileName: text('file_name').notNull(),
	encoding: text('encoding').notNull(),
	text: text('text').notNull(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});
