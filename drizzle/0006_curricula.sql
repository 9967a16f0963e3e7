CREATE TABLE `assignment` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`person_id` text NOT NULL,
	`module_slug` text NOT NULL,
	`period_key` text NOT NULL,
	`recurrence` text NOT NULL,
	`mandatory` integer NOT NULL,
	`due_date` text NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignment_person_module_period_uq` ON `assignment` (`person_id`,`module_slug`,`period_key`);--> statement-breakpoint
CREATE INDEX `assignment_org_due_idx` ON `assignment` (`org_id`,`due_date`);--> statement-breakpoint
CREATE TABLE `curriculum` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`name` text NOT NULL,
	`criteria` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `curriculum_item` (
	`id` text PRIMARY KEY NOT NULL,
	`curriculum_id` text NOT NULL,
	`module_slug` text NOT NULL,
	`mandatory` integer NOT NULL,
	`due` text NOT NULL,
	`recurrence` text NOT NULL,
	FOREIGN KEY (`curriculum_id`) REFERENCES `curriculum`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `curriculum_item_curriculum_idx` ON `curriculum_item` (`curriculum_id`);