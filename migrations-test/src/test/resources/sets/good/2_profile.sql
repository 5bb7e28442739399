-- Revision ID: 2b0000000002
-- Revises: 1a0000000001
-- Message: add bio

-- migrate:upgrade
ALTER TABLE users ADD COLUMN bio varchar(100);
CREATE SEQUENCE invoice_numbers;

-- migrate:downgrade
DROP SEQUENCE invoice_numbers;
ALTER TABLE users DROP COLUMN bio;
