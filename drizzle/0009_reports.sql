CREATE TABLE `fiscal_year_close` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`pack` text NOT NULL,
	`sha256` text NOT NULL,
	`closed_by` text NOT NULL,
	`closed_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fiscal_year_close_uq` ON `fiscal_year_close` (`org_id`,`fiscal_year`);--> statement-breakpoint
CREATE TABLE `target` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`name` text NOT NULL,
	`metric` text NOT NULL,
	`scope_kind` text NOT NULL,
	`scope_value` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`threshold` real NOT NULL,
	`baseline` real,
	`source` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `target_org_fy_idx` ON `target` (`org_id`,`fiscal_year`);--> statement-breakpoint
CREATE TABLE `training_record` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`category` text NOT NULL,
	`date` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_record_org_fy_idx` ON `training_record` (`org_id`,`fiscal_year`);--> statement-breakpoint
CREATE UNIQUE INDEX `training_record_once_uq` ON `training_record` (`person_id`,`title`,`date`);--> statement-breakpoint
CREATE TRIGGER `fiscal_year_close_no_update` BEFORE UPDATE ON `fiscal_year_close` BEGIN SELECT RAISE(ABORT, 'fiscal_year_close is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `fiscal_year_close_no_delete` BEFORE DELETE ON `fiscal_year_close` BEGIN SELECT RAISE(ABORT, 'fiscal_year_close is append-only'); END;
