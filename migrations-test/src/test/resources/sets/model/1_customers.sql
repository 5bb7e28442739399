-- Revision ID: 1e0000000001
-- Revises:
-- Message: create customer

-- migrate:upgrade
CREATE TABLE customer (
	id bigint PRIMARY KEY,
	name varchar(100) NOT NULL
);

-- migrate:downgrade
DROP TABLE customer;
