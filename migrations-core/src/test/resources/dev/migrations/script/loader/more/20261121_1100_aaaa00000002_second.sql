-- Revision ID: aaaa00000002
-- Revises: aaaa00000001
-- Create Date: 2026-11-21 11:00:00
-- Message: second

-- migrate:upgrade
CREATE TABLE second (id integer primary key);

-- migrate:downgrade
DROP TABLE second;
