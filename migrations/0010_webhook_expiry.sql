ALTER TABLE `webhook_endpoints` ADD `expires_at` integer;--> statement-breakpoint
CREATE INDEX `webhook_endpoints_expires` ON `webhook_endpoints` (`expires_at`);