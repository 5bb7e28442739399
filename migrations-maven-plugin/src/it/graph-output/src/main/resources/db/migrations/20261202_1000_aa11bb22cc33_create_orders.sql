-- Revision ID: aa11bb22cc33
-- Revises:
-- Message: create orders

-- migrate:upgrade
CREATE TABLE orders (id bigint PRIMARY KEY);

-- migrate:downgrade
DROP TABLE orders;
