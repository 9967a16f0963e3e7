CREATE TABLE `attempt` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`person_id` text NOT NULL,
	`module_slug` text NOT NULL,
	`module_version` text NOT NULL,
	`content_hash` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`pass_mark` integer NOT NULL,
	`draw` text NOT NULL,
	`started_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attempt_person_module_idx` ON `attempt` (`person_id`,`module_slug`,`started_at`);--> statement-breakpoint
CREATE TABLE `attempt_answer` (
	`attempt_id` text NOT NULL,
	`item_id` text NOT NULL,
	`choices` text NOT NULL,
	`saved_at` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `item_id`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempt`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `attempt_item` (
	`attempt_id` text NOT NULL,
	`module_slug` text NOT NULL,
	`item_id` text NOT NULL,
	`correct` integer NOT NULL,
	PRIMARY KEY(`attempt_id`, `item_id`),
	FOREIGN KEY (`attempt_id`) REFERENCES `attempt`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attempt_item_module_idx` ON `attempt_item` (`module_slug`,`item_id`);--> statement-breakpoint
CREATE TABLE `attempt_result` (
	`attempt_id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`person_id` text NOT NULL,
	`module_slug` text NOT NULL,
	`module_version` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`answers` text NOT NULL,
	`score` integer NOT NULL,
	`max_score` integer NOT NULL,
	`passed` integer NOT NULL,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempt`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attempt_result_person_idx` ON `attempt_result` (`person_id`,`module_slug`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `attempt_result_module_fy_idx` ON `attempt_result` (`org_id`,`module_slug`,`fiscal_year`);--> statement-breakpoint
CREATE TABLE `module_progress` (
	`person_id` text NOT NULL,
	`module_slug` text NOT NULL,
	`module_version` text NOT NULL,
	`section` integer NOT NULL,
	`section_count` integer NOT NULL,
	`completed_at` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`person_id`, `module_slug`, `module_version`),
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE cascade
);
