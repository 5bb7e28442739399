-- Revision ID: 2b0000000002
-- Revises: 1a0000000001
-- Message: add bio and avatar

-- migrate:upgrade
ALTER TABLE users ADD COLUMN bio varchar(100);
ALTER TABLE users ADD COLUMN avatar_url varchar(255);

-- migrate:downgrade
ALTER TABLE users DROP COLUMN bio;
