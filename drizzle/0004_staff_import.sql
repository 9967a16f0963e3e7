CREATE TABLE `staff_import` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`actor_id` text NOT NULL,
	`file_name` text NOT NULL,
	`encoding` text NOT NULL,
	`counts` text NOT NULL,
	`changes` text NOT NULL,
	`created_at` integer NOT NULL,
	`undone_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_import_org_idx` ON `staff_import` (`org_id`,`created_at`);