-- Revision ID: t01
-- Revises:
-- Message: items

-- migrate:upgrade
CREATE TABLE IF NOT EXISTS items (owner text);
