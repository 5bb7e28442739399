-- Revision ID: 2b0000000002
-- Revises: 1a0000000001
-- Message: active by default

-- migrate:upgrade
ALTER TABLE users ALTER COLUMN status SET DEFAULT 'active';

-- migrate:downgrade
ALTER TABLE users ALTER COLUMN status DROP DEFAULT;
