CREATE TABLE `imports` (
	`job_id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`format` text NOT NULL,
	`mode` text NOT NULL,
	`r2_key` text NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`encoding` text,
	`columns` text,
	`delimiter` text,
	`next_offset` integer NOT NULL,
	`next_line` integer NOT NULL,
	`rows_total` integer NOT NULL,
	`rows_done` integer NOT NULL,
	`rows_failed` integer NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer
);
--> statement-breakpoint
CREATE INDEX `imports_tenant` ON `imports` (`tenant_id`,`status`);--> statement-breakpoint
ALTER TABLE `products` ADD `seen_by` text;