CREATE TABLE `blobs` (
	`tenant_id` text NOT NULL,
	`sha256` text NOT NULL,
	`format` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`frames` integer NOT NULL,
	`bytes` integer NOT NULL,
	`created_at` integer NOT NULL,
	`orphaned_at` integer,
	PRIMARY KEY(`tenant_id`, `sha256`)
);
--> statement-breakpoint
CREATE INDEX `blobs_orphaned` ON `blobs` (`orphaned_at`);--> statement-breakpoint
CREATE TABLE `processing_rounds` (
	`tenant_id` text NOT NULL,
	`product_id` text NOT NULL,
	`job_id` text NOT NULL,
	`opened_at` integer NOT NULL,
	`closed_at` integer,
	PRIMARY KEY(`tenant_id`, `product_id`, `job_id`)
);
--> statement-breakpoint
CREATE TABLE `processor_results` (
	`tenant_id` text NOT NULL,
	`sha256` text NOT NULL,
	`processor` text NOT NULL,
	`config_hash` text NOT NULL,
	`status` text NOT NULL,
	`result` text,
	`error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `sha256`, `processor`, `config_hash`)
);
--> statement-breakpoint
CREATE TABLE `processors` (
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`secret` text NOT NULL,
	`config` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `name`)
);
--> statement-breakpoint
CREATE TABLE `url_cache` (
	`tenant_id` text NOT NULL,
	`url` text NOT NULL,
	`sha256` text NOT NULL,
	`etag` text,
	`last_modified` text,
	`fetched_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `url`)
);
--> statement-breakpoint
ALTER TABLE `images` ADD `dhash` text;--> statement-breakpoint
ALTER TABLE `images` ADD `dhash_band0` integer;--> statement-breakpoint
ALTER TABLE `images` ADD `dhash_band1` integer;--> statement-breakpoint
ALTER TABLE `images` ADD `dhash_band2` integer;--> statement-breakpoint
ALTER TABLE `images` ADD `dhash_band3` integer;--> statement-breakpoint
CREATE INDEX `images_sha` ON `images` (`tenant_id`,`sha256`);--> statement-breakpoint
CREATE INDEX `images_band0` ON `images` (`tenant_id`,`dhash_band0`);--> statement-breakpoint
CREATE INDEX `images_band1` ON `images` (`tenant_id`,`dhash_band1`);--> statement-breakpoint
CREATE INDEX `images_band2` ON `images` (`tenant_id`,`dhash_band2`);--> statement-breakpoint
CREATE INDEX `images_band3` ON `images` (`tenant_id`,`dhash_band3`);