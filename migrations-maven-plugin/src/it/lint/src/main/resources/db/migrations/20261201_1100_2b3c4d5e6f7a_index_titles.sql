-- Revision ID: 2b3c4d5e6f7a
-- Revises: 1a2b3c4d5e6f
-- Create Date: 2026-12-01 11:00:00
-- Message: index titles

-- migrate:upgrade
CREATE INDEX notes_title_idx ON notes (title);

-- migrate:downgrade
DROP INDEX notes_title_idx;
