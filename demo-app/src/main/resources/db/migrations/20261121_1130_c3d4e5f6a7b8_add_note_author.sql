-- Revision ID: c3d4e5f6a7b8
-- Revises: a1b2c3d4e5f6
-- Create Date: 2026-11-21 11:30:00
-- Message: add note author

-- migrate:upgrade
ALTER TABLE notes ADD COLUMN author varchar(100);

-- migrate:downgrade
ALTER TABLE notes DROP COLUMN author;
