import type { DueRule, RuleCriteria } from '../../../domain/assignment.ts';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { orgIdColumn, personIdColumn } from './org.ts';

/** A curriculum: a rule for who (criteria, JSON of RuleCriteria) and the modules they must take. */
export const curriculum = sqliteTable('curriculum', {
	id: text('id').primaryKey(),
	orgId: orgIdColumn(),
	name: text('name').notNull(),
	criteria: text('criteria', { mode: 'json' }).$type<RuleCriteria>().notNull(),
	active: integer('active', { mode: 'boolean' }).notNull().default(true),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});

/** A module in a curriculum: mandatory or recommended, when it is due (DueRule JSON), how it recurs. */
export const curriculumItem = sqliteTable(
	'curriculum_item',
	{
		id: text('id').primaryKey(),
		curriculumId: text('curriculum_id')
			.notNull()
			.references(() => curriculum.id, { onDelete: 'cascade' }),
		moduleSlug: text('module_slug').notNull(),
		mandatory: integer('mandatory', { mode: 'boolean' }).notNull(),
		due: text('due', { mode: 'json' }).$type<DueRule>().notNull(),
		recurrence: text('recurrence', { enum: ['every_fiscal_year', 'on_new_version', 'once'] }).notNull()
	},
	(t) => [index('curriculum_item_curriculum_idx').on(t.curriculumId)]
);

/** One module a person must (or should) take in one period (年度, module version, or once). */
export const assignment = sqliteTable(
	'assignment',
	{
		id: text('id').primaryKey(),
		orgId: orgIdColumn(),
		personId: personIdColumn(),
		moduleSlug: text('module_slug').notNull(),
		periodKey: text('period_key').notNull(),
		recurrence: text('recurrence', { enum: ['every_fiscal_year', 'on_new_version', 'once'] }).notNull(),
		mandatory: integer('mandatory', { mode: 'boolean' }).notNull(),
		dueDate: text('due_date').notNull(),
		source: text('source').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('assignment_person_module_period_uq').on(t.personId, t.moduleSlug, t.periodKey),
		index('assignment_org_due_idx').on(t.orgId, t.dueDate),
		index('assignment_org_module_period_idx').on(t.orgId, t.moduleSlug, t.periodKey),
		// covers the export's and the reports' reads per person (rows of one person are scattered in the table)
		index('assignment_person_cover_idx').on(
			t.personId,
			t.dueDate,
			t.moduleSlug,
			t.mandatory,
			t.recurrence,
			t.periodKey,
			t.id
		)
	]
);

/** 免除: a person is excused (休職, 育休, 長期研修 …) for a period, from all modules or one. */
export const exemption = sqliteTable(
	'exemption',
	{
		id: text('id').primaryKey(),
		orgId: orgIdColumn(),
		personId: personIdColumn(),
		moduleSlug: text('module_slug'),
		reason: text('reason').notNull(),
		note: text('note'),
		fromDate: text('from_date').notNull(),
		toDate: text('to_date').notNull(),
		createdBy: text('created_by').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('exemption_person_idx').on(t.personId)]
);
