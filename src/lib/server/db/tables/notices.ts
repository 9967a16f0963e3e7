import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { orgIdColumn, personIdColumn } from './org.ts';

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
		kind: text('kind', { enum: ['reminder', 'assigned', 'due_soon', 'overdue', 'escalation', 'digest'] }).notNull(),
		body: text('body').notNull(),
		senderId: text('sender_id'),
		dedupeKey: text('dedupe_key').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		readAt: integer('read_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('notice_dedupe_uq').on(t.personId, t.dedupeKey),
		index('notice_person_created_idx').on(t.personId, t.createdAt),
		// 「本日督促済み」 on the 課長 page looks notices up by key alone
		index('notice_dedupe_key_idx').on(t.dedupeKey)
	]
);

/** Which automatic reminder was already given for an assignment (each kind once). */
export const reminderSent = sqliteTable(
	'reminder_sent',
	{
		assignmentId: text('assignment_id').notNull(),
		kind: text('kind', { enum: ['assigned', 'due_soon', 'overdue', 'escalation'] }).notNull(),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.assignmentId, t.kind] })]
);

/**
 * E-mail waiting to be sent through the municipality's SMTP relay. Requests only add rows; a
 * background sender delivers them and retries failures with growing pauses.
 */
export const mailOutbox = sqliteTable(
	'mail_outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		orgId: orgIdColumn(),
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		body: text('body').notNull(),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
		lastError: text('last_error'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('mail_outbox_due_idx').on(t.sentAt, t.nextAttemptAt)]
);

/** A 修了証: issued once per person, module (or curriculum) and 年度; `code` verifies it. */
export const certificate = sqliteTable(
	'certificate',
	{
		id: text('id').primaryKey(),
		orgId: orgIdColumn(),
		personId: personIdColumn(),
		kind: text('kind', { enum: ['module', 'curriculum'] }).notNull(),
		subjectId: text('subject_id').notNull(),
		subjectTitle: text('subject_title').notNull(),
		fiscalYear: integer('fiscal_year').notNull(),
		completedOn: text('completed_on').notNull(),
		code: text('code').notNull(),
		issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('certificate_code_uq').on(t.code),
		uniqueIndex('certificate_subject_uq').on(t.personId, t.kind, t.subjectId, t.fiscalYear)
	]
);
