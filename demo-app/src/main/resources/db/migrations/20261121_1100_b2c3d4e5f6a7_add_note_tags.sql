-- Revision ID: b2c3d4e5f6a7
-- Revises: a1b2c3d4e5f6
-- Create Date: 2026-11-21 11:00:00
-- Message: add note tags
-- Branch Labels: tags

-- migrate:upgrade
CREATE TABLE note_tags (
	note_id bigint NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
	tag varchar(40) NOT NULL,
	PRIMARY KEY (note_id, tag)
);

-- migrate:downgrade
DROP TABLE note_tags;
