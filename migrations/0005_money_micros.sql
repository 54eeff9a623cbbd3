ALTER TABLE `products` ADD `money_format` integer;--> statement-breakpoint
CREATE INDEX `products_money_unconverted` ON `products` (`tenant_id`,`id`) WHERE money_format IS NULL;