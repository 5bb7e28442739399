-- Revision ID: 3c4d5e6f7081
-- Revises: 1a2b3c4d5e6f
-- Message: fill missing table
-- Transactional: false

-- migrate:upgrade
INSERT INTO note (body) VALUES ('first');
INSERT INTO missing_table (id) VALUES (1);

-- migrate:downgrade
DELETE FROM note;
