-- Revision ID: t02
-- Revises: t01
-- Message: the tenant's own row

-- migrate:upgrade
INSERT INTO items (owner) VALUES ('${tenant}');
