ALTER TABLE `rec_settings` ADD `state` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
UPDATE `rec_settings` SET `state` = 3 WHERE `tenant_id` IN (SELECT DISTINCT `tenant_id` FROM `rec_signatures`) OR `default_recommend` != 'none' OR `rules` IS NOT NULL;
