-- Revision ID: 5a0c0000a001
-- Revises:
-- Message: create stock

-- migrate:upgrade
CREATE TABLE stock (
	id bigint PRIMARY KEY,
	quantity int NOT NULL
);

-- migrate:downgrade
DROP TABLE stock;
