-- Revision ID: 2b0000000002
-- Revises: 1a0000000001
-- Message: longer emails

-- migrate:upgrade
ALTER TABLE users ALTER COLUMN email SET DATA TYPE varchar(300);

-- migrate:downgrade
ALTER TABLE users ALTER COLUMN email SET DATA TYPE varchar(250);
