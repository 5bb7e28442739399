-- Revision ID: 2b0000000002
-- Revises: 1a0000000001
-- Message: status codes

-- migrate:upgrade
ALTER TABLE users ADD COLUMN status_code integer;
UPDATE users SET status_code = CAST(status AS integer);
ALTER TABLE users DROP COLUMN status;

-- migrate:downgrade
ALTER TABLE users ADD COLUMN status varchar(20) DEFAULT 'new' NOT NULL;
UPDATE users SET status = CAST(status_code AS varchar(20));
ALTER TABLE users DROP COLUMN status_code;
