-- Revision ID: 2b0000000002
-- Revises: 1a0000000001
-- Message: add orders

-- migrate:upgrade
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL);
INSERT INTO order_lines (order_id) VALUES (1);

-- migrate:downgrade
DROP TABLE orders;
