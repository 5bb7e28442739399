-- Revision ID: aaaa00000001
-- Revises:
-- Create Date: 2026-11-21 10:00:00
-- Message: first

-- migrate:upgrade
CREATE TABLE first (id integer primary key);

-- migrate:downgrade
DROP TABLE first;
