CREATE TABLE `job` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`created_by` text NOT NULL,
	`params` text NOT NULL,
	`progress_done` integer DEFAULT 0 NOT NULL,
	`progress_total` integer,
	`phase` text,
	`result` text,
	`error` text,
	`output_file` text,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `job_creator_created_idx` ON `job` (`created_by`,`created_at`);--> statement-breakpoint
CREATE INDEX `job_status_idx` ON `job` (`status`);