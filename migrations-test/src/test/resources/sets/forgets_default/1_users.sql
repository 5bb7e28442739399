-- Revision ID: 1a0000000001
-- Revises:
-- Message: create users

-- migrate:upgrade
CREATE TABLE users (
	id bigint PRIMARY KEY,
	email varchar(200) NOT NULL,
	status varchar(20) DEFAULT 'new' NOT NULL
);
CREATE INDEX users_email_idx ON users (email);

-- migrate:downgrade
DROP TABLE users;
