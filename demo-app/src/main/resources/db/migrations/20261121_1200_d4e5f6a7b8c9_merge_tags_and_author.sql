-- Revision ID: d4e5f6a7b8c9
-- Revises: b2c3d4e5f6a7, c3d4e5f6a7b8
-- Create Date: 2026-11-21 12:00:00
-- Message: merge tags and author

-- migrate:upgrade

-- migrate:downgrade
