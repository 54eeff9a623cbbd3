ALTER TABLE `rec_settings` ADD `state` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `webhook_endpoints` ADD `expires_at` integer;--> statement-breakpoint
CREATE INDEX `webhook_endpoints_expires` ON `webhook_endpoints` (`expires_at`);--> statement-breakpoint
-- Custom SQL: tenants that already use recommendations stay active (state 3), the rest start idle (0).
UPDATE `rec_settings` SET `state` = 3 WHERE `tenant_id` IN (SELECT DISTINCT `tenant_id` FROM `rec_signatures`) OR `default_recommend` != 'none' OR `rules` IS NOT NULL;
