-- Revision ID: cc33dd44ee55
-- Revises: aa11bb22cc33
-- Message: add order note

-- migrate:upgrade
ALTER TABLE orders ADD COLUMN note text;

-- migrate:downgrade
ALTER TABLE orders DROP COLUMN note;
