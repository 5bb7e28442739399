-- Revision ID: 3c0000000003
-- Revises: 2b0000000002
-- Message: add invoices

-- migrate:upgrade
CREATE TABLE invoices (id bigint PRIMARY KEY);

-- migrate:downgrade
DROP TABLE invoices;
