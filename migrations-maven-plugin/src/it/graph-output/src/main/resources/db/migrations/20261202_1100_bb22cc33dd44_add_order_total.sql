-- Revision ID: bb22cc33dd44
-- Revises: aa11bb22cc33
-- Message: add order total

-- migrate:upgrade
ALTER TABLE orders ADD COLUMN total numeric(12, 2);

-- migrate:downgrade
ALTER TABLE orders DROP COLUMN total;
