-- Revision ID: 2b3c4d5e6f70
-- Revises: 1a2b3c4d5e6f
-- Create Date: 2026-11-21 11:00:00
-- Message: add note tag
-- Branch Labels: tagging

-- migrate:upgrade
ALTER TABLE note ADD COLUMN tag varchar(40);

-- migrate:downgrade
ALTER TABLE note DROP COLUMN tag;
