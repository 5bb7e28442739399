-- Revision ID: 1a2b3c4d5e6f
-- Revises:
-- Create Date: 2026-12-01 10:00:00
-- Message: create notes

-- migrate:upgrade
CREATE TABLE notes (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	title text NOT NULL
);

-- migrate:downgrade
DROP TABLE notes;
