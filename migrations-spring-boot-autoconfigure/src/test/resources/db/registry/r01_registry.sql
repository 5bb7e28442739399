-- Revision ID: g01
-- Revises:
-- Message: the tenant registry

-- migrate:upgrade
CREATE TABLE tenant_registry (id text PRIMARY KEY);
INSERT INTO tenant_registry (id) VALUES ('north'), ('south');
