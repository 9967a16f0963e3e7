import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { orgIdColumn, person } from './org.ts';

/**
 * A long operation (staff import, 個人別 CSV export, 年度締め) run in the background by the
 * in-process runner (src/lib/server/jobs). The page /jobs/[id] polls it; `outputFile` is a
 * random file name under the export directory beside the database, deleted after 24 h.
 */
export const job = sqliteTable(
	'job',
	{
		id: text('id').primaryKey(),
		orgId: orgIdColumn(),
		kind: text('kind', {
			enum: ['staff_import', 'person_export', 'fiscal_year_close', 'assignment_refresh']
		}).notNull(),
		status: text('status', { enum: ['queued', 'running', 'done', 'failed', 'interrupted'] }).notNull(),
		createdBy: text('created_by')
			.notNull()
			.references(() => person.id),
		params: text('params', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
		progressDone: integer('progress_done').notNull().default(0),
		progressTotal: integer('progress_total'),
		phase: text('phase'),
		result: text('result', { mode: 'json' }).$type<Record<string, unknown>>(),
		error: text('error'),
		outputFile: text('output_file'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }),
		finishedAt: integer('finished_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('job_creator_created_idx').on(t.createdBy, t.createdAt), index('job_status_idx').on(t.status)]
);
