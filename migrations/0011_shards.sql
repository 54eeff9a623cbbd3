CREATE TABLE `directory` (
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`tenant_id` text NOT NULL,
	PRIMARY KEY(`kind`, `key`)
);
--> statement-breakpoint
CREATE INDEX `directory_tenant` ON `directory` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `placements` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`shard` integer DEFAULT 0 NOT NULL,
	`epoch` integer DEFAULT 1 NOT NULL,
	`state` text DEFAULT 'active' NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `placements_shard` ON `placements` (`shard`);--> statement-breakpoint
CREATE TABLE `shard_loads` (
	`shard` integer PRIMARY KEY NOT NULL,
	`tenants` integer DEFAULT 0 NOT NULL,
	`rows` integer DEFAULT 0 NOT NULL,
	`bytes` integer DEFAULT 0 NOT NULL,
	`measured_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `shard_moves` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`from_shard` integer NOT NULL,
	`to_shard` integer NOT NULL,
	`state` text NOT NULL,
	`epoch` integer NOT NULL,
	`watermarks` text DEFAULT '{}' NOT NULL,
	`report` text,
	`error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer
);
--> statement-breakpoint
CREATE INDEX `shard_moves_tenant` ON `shard_moves` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `write_fence` (
	`fenced` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `tenants` ADD `epoch` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `tenants` ADD `write_state` text DEFAULT 'open' NOT NULL;--> statement-breakpoint
-- Custom: every existing tenant lives on shard 0 (the one database until now), epoch 1.
INSERT OR IGNORE INTO `placements` (`tenant_id`, `shard`, `epoch`, `state`, `updated_at`) SELECT `id`, 0, 1, 'active', `updated_at` FROM `tenants`;--> statement-breakpoint
-- Custom: inbound sources are found by id without a tenant (POST /v1/inbound/{id}).
INSERT OR IGNORE INTO `directory` (`kind`, `key`, `tenant_id`) SELECT 'inbound-source', `id`, `tenant_id` FROM `inbound_sources`;
