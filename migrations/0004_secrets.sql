CREATE TABLE `secret_backfill` (
	`table_name` text PRIMARY KEY NOT NULL,
	`key_id` text NOT NULL,
	`cursor` integer NOT NULL,
	`completed_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `inbound_sources` ADD `previous_secret` text;--> statement-breakpoint
ALTER TABLE `inbound_sources` ADD `previous_secret_expires_at` integer;--> statement-breakpoint
CREATE INDEX `inbound_sources_previous_secret` ON `inbound_sources` (`previous_secret_expires_at`);--> statement-breakpoint
ALTER TABLE `processors` ADD `previous_secret` text;--> statement-breakpoint
ALTER TABLE `processors` ADD `previous_secret_expires_at` integer;--> statement-breakpoint
CREATE INDEX `processors_previous_secret` ON `processors` (`previous_secret_expires_at`);--> statement-breakpoint
CREATE INDEX `webhook_endpoints_previous_secret` ON `webhook_endpoints` (`previous_secret_expires_at`);