import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

/** A municipality. Every tenant-owned row carries its id. */
export const organisation = sqliteTable('organisation', {
	id: text('id').primaryKey(),
	code: text('code').notNull().unique(),
	name: text('name').notNull(),
	kana: text('kana').notNull(),
	createdAt: createdAt()
});

/** The tenant column every tenant-owned row carries. */
export const orgIdColumn = () =>
	text('org_id')
		.notNull()
		.references(() => organisation.id);

/** 部 → 課 → 係. `path` is the chain of ids from the root, e.g. "/a/b/", for subtree checks. */
export const orgUnit = sqliteTable(
	'org_unit',
	{
		id: text('id').primaryKey(),
		orgId: orgIdColumn(),
		parentId: text('parent_id'),
		code: text('code').notNull(),
		name: text('name').notNull(),
		kana: text('kana').notNull(),
		kind: text('kind', { enum: ['department', 'section', 'team'] }).notNull(),
		path: text('path').notNull(),
		sortOrder: integer('sort_order').notNull().default(0),
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('org_unit_org_code_uq').on(t.orgId, t.code),
		index('org_unit_parent_idx').on(t.parentId),
		index('org_unit_path_idx').on(t.orgId, t.path)
	]
);

export const person = sqliteTable(
	'person',
	{
		id: text('id').primaryKey(),
		orgId: orgIdColumn(),
		employeeNo: text('employee_no').notNull(),
		name: text('name').notNull(),
		kana: text('kana').notNull(),
		email: text('email'),
		employmentType: text('employment_type', {
			enum: ['regular', 'fixed_term', 'reappointed', 'part_time_fy']
		}).notNull(),
		jobGrade: text('job_grade').notNull(),
		hireDate: text('hire_date').notNull(),
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		passwordHash: text('password_hash'),
		mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(true),
		passwordChangedAt: integer('password_changed_at', { mode: 'timestamp_ms' }),
		/** The UI language the person chose ('ja', 'en'); null follows the installation's default. */
		locale: text('locale'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('person_org_employee_no_uq').on(t.orgId, t.employeeNo),
		index('person_org_kana_idx').on(t.orgId, t.kana)
	]
);

/** A reference to a person that keeps their records when they leave (people are deactivated, not deleted). */
export const personIdColumn = () =>
	text('person_id')
		.notNull()
		.references(() => person.id);

/** Duty tags: 個人情報取扱者, 窓口, 初任者, DX推進員 … */
export const personTag = sqliteTable(
	'person_tag',
	{
		personId: text('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		tag: text('tag').notNull()
	},
	(t) => [primaryKey({ columns: [t.personId, t.tag] }), index('person_tag_tag_idx').on(t.tag)]
);

/** Dated membership of a unit (人事異動): `endDate` is the last day, null while current. */
export const unitMembership = sqliteTable(
	'unit_membership',
	{
		id: text('id').primaryKey(),
		orgId: orgIdColumn(),
		personId: text('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		unitId: text('unit_id')
			.notNull()
			.references(() => orgUnit.id),
		startDate: text('start_date').notNull(),
		endDate: text('end_date'),
		createdAt: createdAt()
	},
	(t) => [
		index('unit_membership_person_idx').on(t.personId, t.startDate),
		index('unit_membership_unit_idx').on(t.unitId, t.endDate)
	]
);

export const ROLES = ['manager', 'hr', 'admin', 'executive', 'security_officer'] as const;

/** A role beyond "employee"; `unitId` is the subtree a manager (課長) may see. */
export const roleGrant = sqliteTable(
	'role_grant',
	{
		id: text('id').primaryKey(),
		orgId: orgIdColumn(),
		personId: text('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ROLES }).notNull(),
		unitId: text('unit_id').references(() => orgUnit.id),
		createdAt: createdAt()
	},
	(t) => [index('role_grant_person_idx').on(t.personId), uniqueIndex('role_grant_uq').on(t.personId, t.role, t.unitId)]
);

/** Session id = sha256(token); the token itself is never stored. */
export const session = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		personId: text('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		/** Set once the second factor was checked in this session (always false for people without one). */
		twoFactorVerified: integer('two_factor_verified', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [index('session_person_idx').on(t.personId)]
);

/** A registered authenticator app (TOTP, RFC 6238). `lastStep` blocks reuse of a code. */
export const twoFactor = sqliteTable('two_factor', {
	personId: text('person_id')
		.primaryKey()
		.references(() => person.id, { onDelete: 'cascade' }),
	secret: blob('secret', { mode: 'buffer' }).notNull(),
	lastStep: integer('last_step').notNull().default(0),
	createdAt: createdAt()
});

/** One-time recovery codes for a lost authenticator; only their SHA-256 is kept. */
export const recoveryCode = sqliteTable(
	'recovery_code',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		personId: text('person_id')
			.notNull()
			.references(() => person.id, { onDelete: 'cascade' }),
		codeHash: text('code_hash').notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('recovery_code_person_idx').on(t.personId)]
);

/** One row per failed sign-in, keyed by account and by address, for throttling. */
export const signInFailure = sqliteTable(
	'sign_in_failure',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		key: text('key').notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('sign_in_failure_key_at_idx').on(t.key, t.at)]
);

/** Append-only record of who did what. `before`/`after` are JSON. */
export const auditEvent = sqliteTable(
	'audit_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		orgId: text('org_id'),
		actorId: text('actor_id'),
		action: text('action').notNull(),
		targetType: text('target_type'),
		targetId: text('target_id'),
		before: text('before'),
		after: text('after'),
		ip: text('ip'),
		at: integer('at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('audit_event_org_at_idx').on(t.orgId, t.at),
		index('audit_event_target_idx').on(t.targetType, t.targetId)
	]
);

export type Organisation = typeof organisation.$inferSelect;
export type OrgUnit = typeof orgUnit.$inferSelect;
export type Person = typeof person.$inferSelect;
export type RoleGrant = typeof roleGrant.$inferSelect;
export type Session = typeof session.$inferSelect;
export type Role = (typeof ROLES)[number];
