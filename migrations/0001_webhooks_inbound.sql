CREATE TABLE `deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`endpoint_id` text NOT NULL,
	`event_id` text NOT NULL,
	`event_type` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`lease_until` integer,
	`last_status_code` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_endpoint_event` ON `deliveries` (`endpoint_id`,`event_id`);--> statement-breakpoint
CREATE INDEX `deliveries_due` ON `deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `deliveries_endpoint` ON `deliveries` (`endpoint_id`,`id`);--> statement-breakpoint
CREATE TABLE `delivery_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`delivery_id` text NOT NULL,
	`attempted_at` integer NOT NULL,
	`status_code` integer,
	`latency_ms` integer NOT NULL,
	`response_body` text,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `delivery_attempts_delivery` ON `delivery_attempts` (`delivery_id`,`attempted_at`);--> statement-breakpoint
CREATE TABLE `inbound_receipts` (
	`source_id` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`job_id` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`source_id`, `dedupe_key`)
);
--> statement-breakpoint
CREATE INDEX `inbound_receipts_received` ON `inbound_receipts` (`received_at`);--> statement-breakpoint
CREATE TABLE `inbound_sources` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`secret` text,
	`secret_env` text,
	`secret_encoding` text NOT NULL,
	`signature_header` text NOT NULL,
	`signature_encoding` text NOT NULL,
	`signature_prefix` text NOT NULL,
	`signed_payload` text NOT NULL,
	`timestamp_header` text,
	`tolerance_seconds` integer NOT NULL,
	`event_id_header` text,
	`format` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `inbound_sources_tenant` ON `inbound_sources` (`tenant_id`,`id`);--> statement-breakpoint
CREATE TABLE `webhook_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`url` text NOT NULL,
	`event_types` text NOT NULL,
	`headers` text NOT NULL,
	`format` text NOT NULL,
	`enabled` integer NOT NULL,
	`disabled_reason` text,
	`secret` text NOT NULL,
	`previous_secret` text,
	`previous_secret_expires_at` integer,
	`failing_since` integer,
	`metadata` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_endpoints_tenant` ON `webhook_endpoints` (`tenant_id`,`id`);--> statement-breakpoint
ALTER TABLE `tenants` ADD `fanout_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `jobs_status` ON `jobs` (`status`,`created_at`);