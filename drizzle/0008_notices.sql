CREATE TABLE `notice` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`sender_id` text,
	`dedupe_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notice_dedupe_uq` ON `notice` (`person_id`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notice_person_created_idx` ON `notice` (`person_id`,`created_at`);