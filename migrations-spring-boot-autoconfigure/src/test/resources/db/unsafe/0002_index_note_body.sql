-- Revision ID: 3c4d5e6f7081
-- Revises: 1a2b3c4d5e6f
-- Message: index note body

-- migrate:upgrade
CREATE INDEX note_body ON note (body);

-- migrate:downgrade
DROP INDEX note_body;
