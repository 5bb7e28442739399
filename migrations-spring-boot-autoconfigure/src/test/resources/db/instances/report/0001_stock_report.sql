-- Revision ID: 7e90000b0001
-- Revises:
-- Message: stock report, over the stock instance's table

-- migrate:upgrade
CREATE VIEW stock_report AS SELECT count(*) AS items FROM stock;

-- migrate:downgrade
DROP VIEW stock_report;
