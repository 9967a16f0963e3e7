import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { orgIdColumn, personIdColumn } from './org';

/**
 * An in-app notice to one person: a reminder from their 課長, or one Manabi makes (new
 * assignment, due soon, overdue). `dedupeKey` makes "once per day / per assignment" a
 * database rule rather than a hope.
 */
export const notice = sqliteTable(
	'notice',
	{
		id: text('id').primaryKey(),
		orgId: orgIdColumn(),
		personId: personIdColumn(),
		kind: text('kind', { enum: ['reminder', 'assigned', 'due_soon', 'overdue', 'escalation'] }).notNull(),
		body: text('body').notNull(),
		senderId: text('sender_id'),
		dedupeKey: text('dedupe_key').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		readAt: integer('read_at', { mode: 'timestamp_ms' })
	},
	(t) => [uniqueIndex('notice_dedupe_uq').on(t.personId, t.dedupeKey), index('notice_person_created_idx').on(t.personId, t.createdAt)]
);
