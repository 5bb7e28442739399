-- Revision ID: 2b0000000002
-- Revises: 1a0000000001
-- Message: index users by status

-- migrate:upgrade
CREATE INDEX users_status_idx ON users (status);

-- migrate:downgrade

