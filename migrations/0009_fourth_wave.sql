CREATE TABLE `dashboard_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`key_id` text NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `dashboard_sessions_key` ON `dashboard_sessions` (`key_id`);--> statement-breakpoint
CREATE INDEX `dashboard_sessions_expires` ON `dashboard_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `queue_failures` (
	`fingerprint` text PRIMARY KEY NOT NULL,
	`queue` text NOT NULL,
	`reason` text NOT NULL,
	`attempts` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
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
CREATE INDEX `rec_signatures_family` ON `rec_signatures` (`tenant_id`,`family`) WHERE family IS NOT NULL;--> statement-breakpoint
ALTER TABLE `api_keys` ADD `scopes` text;--> statement-breakpoint
ALTER TABLE `api_keys` ADD `expires_at` integer;--> statement-breakpoint
ALTER TABLE `dead_letters` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `dead_letters` ADD `tenant_id` text;--> statement-breakpoint
ALTER TABLE `dead_letters` ADD `job_id` text;--> statement-breakpoint
ALTER TABLE `dead_letters` ADD `replayed_at` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `brand` text GENERATED ALWAYS AS (json_extract(data, '$.brand')) VIRTUAL;--> statement-breakpoint
ALTER TABLE `products` ADD `gtin` text GENERATED ALWAYS AS (json_extract(data, '$.gtin')) VIRTUAL;--> statement-breakpoint
ALTER TABLE `products` ADD `item_group_id` text GENERATED ALWAYS AS (json_extract(data, '$.itemGroupId')) VIRTUAL;--> statement-breakpoint
ALTER TABLE `products` ADD `active` integer GENERATED ALWAYS AS (json_extract(data, '$.active')) VIRTUAL;--> statement-breakpoint
ALTER TABLE `products` ADD `product_type` text GENERATED ALWAYS AS (json_extract(data, '$.productType')) VIRTUAL;--> statement-breakpoint
CREATE INDEX `products_tenant_brand` ON `products` (`tenant_id`,`brand`,`number`) WHERE brand IS NOT NULL;--> statement-breakpoint
CREATE INDEX `products_tenant_gtin` ON `products` (`tenant_id`,`gtin`,`number`) WHERE gtin IS NOT NULL;--> statement-breakpoint
CREATE INDEX `products_tenant_item_group` ON `products` (`tenant_id`,`item_group_id`,`number`) WHERE item_group_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `products_tenant_active` ON `products` (`tenant_id`,`active`,`number`) WHERE active IS NOT NULL;--> statement-breakpoint
CREATE INDEX `products_tenant_product_type` ON `products` (`tenant_id`,`product_type`,`number`) WHERE product_type IS NOT NULL;--> statement-breakpoint
ALTER TABLE `tenants` ADD `plan` text DEFAULT 'standard' NOT NULL;--> statement-breakpoint
CREATE INDEX `jobs_tenant_status` ON `jobs` (`tenant_id`,`status`,`id`);--> statement-breakpoint
-- Custom SQL (drizzle-kit cannot generate it; re-append after regenerating): the title search
-- (`GET /v1/products?q=`). One FTS5 row per product, keyed by the product's rowid, with the tenant
-- as a token (`tenant`: the tenant id without its `_`) so a MATCH reads one tenant's postings only,
-- and the text searched: the title and every localized title. Kept in step by the triggers below,
-- so no write path has to remember it; an update rewrites the row only when that text changed.
CREATE VIRTUAL TABLE `products_fts` USING fts5(tenant, title, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `products_fts_insert` AFTER INSERT ON `products` BEGIN
  INSERT INTO products_fts (rowid, tenant, title) VALUES (new.rowid, replace(new.tenant_id, '_', ''),
    coalesce(json_extract(new.data, '$.title'), '') || ' ' || coalesce((SELECT group_concat(json_extract(l.value, '$.title'), ' ') FROM json_each(new.data, '$.localizations') AS l), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_update` AFTER UPDATE OF data ON `products`
WHEN json_extract(old.data, '$.title') IS NOT json_extract(new.data, '$.title') OR json_extract(old.data, '$.localizations') IS NOT json_extract(new.data, '$.localizations') BEGIN
  UPDATE products_fts SET title = coalesce(json_extract(new.data, '$.title'), '') || ' ' || coalesce((SELECT group_concat(json_extract(l.value, '$.title'), ' ') FROM json_each(new.data, '$.localizations') AS l), '')
  WHERE rowid = new.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_delete` AFTER DELETE ON `products` BEGIN
  DELETE FROM products_fts WHERE rowid = old.rowid;
END;
--> statement-breakpoint
INSERT INTO products_fts (rowid, tenant, title)
SELECT rowid, replace(tenant_id, '_', ''), coalesce(json_extract(data, '$.title'), '') || ' ' || coalesce((SELECT group_concat(json_extract(l.value, '$.title'), ' ') FROM json_each(data, '$.localizations') AS l), '')
FROM products;
