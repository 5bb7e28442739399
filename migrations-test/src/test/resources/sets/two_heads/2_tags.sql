-- Revision ID: 2b0000000002
-- Revises: 1a0000000001
-- Message: add tags
-- Branch Labels: tags

-- migrate:upgrade
CREATE TABLE tags (user_id bigint NOT NULL REFERENCES users (id), tag varchar(40) NOT NULL);

-- migrate:downgrade
DROP TABLE tags;
