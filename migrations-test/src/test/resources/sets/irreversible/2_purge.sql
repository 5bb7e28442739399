-- Revision ID: 2b0000000002
-- Revises: 1a0000000001
-- Message: purge test users

-- migrate:upgrade
DELETE FROM users WHERE email LIKE '%@example.test';
