ALTER TABLE `imports` ADD `file_deleted_at` integer;--> statement-breakpoint
CREATE INDEX `imports_file_expiry` ON `imports` (`file_deleted_at`,`updated_at`);