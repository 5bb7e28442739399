-- Revision ID: 2b0000000002
-- Revises: 1a0000000001
-- Message: unique emails

-- migrate:upgrade
ALTER TABLE users ADD CONSTRAINT users_email_unique UNIQUE (email);

-- migrate:downgrade

