CREATE TABLE `audit_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` text,
	`actor_id` text,
	`action` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`before` text,
	`after` text,
	`ip` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_event_org_at_idx` ON `audit_event` (`org_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_event_target_idx` ON `audit_event` (`target_type`,`target_id`);--> statement-breakpoint
CREATE TABLE `org_unit` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`parent_id` text,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kana` text NOT NULL,
	`kind` text NOT NULL,
	`path` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `org_unit_org_code_uq` ON `org_unit` (`org_id`,`code`);--> statement-breakpoint
CREATE INDEX `org_unit_parent_idx` ON `org_unit` (`parent_id`);--> statement-breakpoint
CREATE INDEX `org_unit_path_idx` ON `org_unit` (`org_id`,`path`);--> statement-breakpoint
CREATE TABLE `organisation` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kana` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisation_code_unique` ON `organisation` (`code`);--> statement-breakpoint
CREATE TABLE `person` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`employee_no` text NOT NULL,
	`name` text NOT NULL,
	`kana` text NOT NULL,
	`email` text,
	`employment_type` text NOT NULL,
	`job_grade` text NOT NULL,
	`hire_date` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`password_hash` text,
	`must_change_password` integer DEFAULT true NOT NULL,
	`password_changed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `person_org_employee_no_uq` ON `person` (`org_id`,`employee_no`);--> statement-breakpoint
CREATE INDEX `person_org_kana_idx` ON `person` (`org_id`,`kana`);--> statement-breakpoint
CREATE TABLE `person_tag` (
	`person_id` text NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`person_id`, `tag`),
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `person_tag_tag_idx` ON `person_tag` (`tag`);--> statement-breakpoint
CREATE TABLE `role_grant` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`person_id` text NOT NULL,
	`role` text NOT NULL,
	`unit_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `org_unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `role_grant_person_idx` ON `role_grant` (`person_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `role_grant_uq` ON `role_grant` (`person_id`,`role`,`unit_id`);--> statement-breakpoint
CREATE TABLE `session` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_person_idx` ON `session` (`person_id`);--> statement-breakpoint
CREATE TABLE `sign_in_failure` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_failure_key_at_idx` ON `sign_in_failure` (`key`,`at`);--> statement-breakpoint
CREATE TABLE `unit_membership` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`person_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `org_unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_membership_person_idx` ON `unit_membership` (`person_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `unit_membership_unit_idx` ON `unit_membership` (`unit_id`,`end_date`);