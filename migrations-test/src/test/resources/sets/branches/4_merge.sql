-- Revision ID: 4d0000000004
-- Revises: 2b0000000002, 3c0000000003
-- Message: merge tags and bio

-- migrate:upgrade

-- migrate:downgrade
