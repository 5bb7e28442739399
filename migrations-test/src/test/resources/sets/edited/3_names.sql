-- Revision ID: 3c0000000003
-- Revises: 2b0000000002
-- Message: split display names

-- migrate:upgrade
ALTER TABLE users ADD COLUMN display_name varchar(200);
UPDATE users SET display_name = email;
ALTER TABLE users ALTER COLUMN display_name SET NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_email_unique UNIQUE (email);

-- migrate:downgrade
ALTER TABLE users DROP CONSTRAINT users_email_unique;
ALTER TABLE users DROP COLUMN display_name;
