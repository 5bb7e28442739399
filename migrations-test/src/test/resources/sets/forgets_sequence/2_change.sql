-- Revision ID: 2b0000000002
-- Revises: 1a0000000001
-- Message: invoice numbers

-- migrate:upgrade
CREATE SEQUENCE invoice_numbers;

-- migrate:downgrade

