-- Revision ID: 6b2c3d4e5f6a
-- Revises: 5a1b2c3d4e5f
-- Message: price as numeric

-- migrate:upgrade
ALTER TABLE products ADD COLUMN price numeric(10, 2);
UPDATE products SET price = price_cents / 100.0;
-- lint: ignore ban-drop-column the release before this one stopped reading price_cents
ALTER TABLE products DROP COLUMN price_cents;

-- migrate:downgrade
ALTER TABLE products ADD COLUMN price_cents integer;
UPDATE products SET price_cents = CAST(price * 100 AS integer);
ALTER TABLE products ALTER COLUMN price_cents SET NOT NULL;
ALTER TABLE products DROP COLUMN price;
