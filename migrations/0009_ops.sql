CREATE TABLE `queue_failures` (
	`fingerprint` text PRIMARY KEY NOT NULL,
	`queue` text NOT NULL,
	`reason` text NOT NULL,
	`attempts` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `api_keys` ADD `scopes` text;--> statement-breakpoint
ALTER TABLE `api_keys` ADD `expires_at` integer;--> statement-breakpoint
ALTER TABLE `dead_letters` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `dead_letters` ADD `tenant_id` text;--> statement-breakpoint
ALTER TABLE `dead_letters` ADD `job_id` text;--> statement-breakpoint
ALTER TABLE `dead_letters` ADD `replayed_at` integer;--> statement-breakpoint
ALTER TABLE `tenants` ADD `plan` text DEFAULT 'standard' NOT NULL;