CREATE TABLE `rec_dirty` (
	`tenant_id` text NOT NULL,
	`product_id` text NOT NULL,
	`signature` integer NOT NULL,
	`ready` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `product_id`)
);
--> statement-breakpoint
CREATE TABLE `rec_keys` (
	`tenant_id` text NOT NULL,
	`key` text NOT NULL,
	`product_id` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `key`, `product_id`)
);
--> statement-breakpoint
CREATE INDEX `rec_keys_product` ON `rec_keys` (`tenant_id`,`product_id`);--> statement-breakpoint
CREATE TABLE `rec_lists` (
	`tenant_id` text NOT NULL,
	`anchor_id` text NOT NULL,
	`kind` text NOT NULL,
	`rank` integer NOT NULL,
	`product_id` text NOT NULL,
	`score` real NOT NULL,
	`reasons` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `anchor_id`, `kind`, `rank`)
);
--> statement-breakpoint
CREATE INDEX `rec_lists_reverse` ON `rec_lists` (`tenant_id`,`product_id`);--> statement-breakpoint
CREATE TABLE `rec_rebuilds` (
	`job_id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`phase` text NOT NULL,
	`after_number` integer NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rec_rebuilds_open` ON `rec_rebuilds` (`phase`,`updated_at`);--> statement-breakpoint
CREATE TABLE `rec_settings` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`default_recommend` text DEFAULT 'none' NOT NULL,
	`rules` text,
	`seq` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `rec_signatures` (
	`tenant_id` text NOT NULL,
	`product_id` text NOT NULL,
	`number` integer NOT NULL,
	`version` integer NOT NULL,
	`family` text,
	`image_sha` text,
	`sig` text NOT NULL,
	`lists` text DEFAULT '[]' NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `product_id`)
);
--> statement-breakpoint
CREATE INDEX `rec_signatures_family` ON `rec_signatures` (`tenant_id`,`family`) WHERE family IS NOT NULL;