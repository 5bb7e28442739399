-- Revision ID: dd44ee55ff66
-- Revises: bb22cc33dd44, cc33dd44ee55
-- Message: merge total and note

-- migrate:upgrade

-- migrate:downgrade
