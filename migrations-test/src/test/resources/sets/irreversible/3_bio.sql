-- Revision ID: 3c0000000003
-- Revises: 2b0000000002
-- Message: add bio

-- migrate:upgrade
ALTER TABLE users ADD COLUMN bio varchar(100);

-- migrate:downgrade
ALTER TABLE users DROP COLUMN bio;
