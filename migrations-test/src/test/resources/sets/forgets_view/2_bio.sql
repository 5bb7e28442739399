-- Revision ID: 2b0000000002
-- Revises: 1a0000000001
-- Message: bio, longer once users were listed

-- migrate:upgrade
DO $$
BEGIN
	IF EXISTS (SELECT 1 FROM pg_views WHERE viewname = 'listed_users' AND schemaname = current_schema()) THEN
		ALTER TABLE users ADD COLUMN bio varchar(200);
	ELSE
		ALTER TABLE users ADD COLUMN bio varchar(100);
	END IF;
END
$$;
CREATE OR REPLACE VIEW listed_users AS SELECT id FROM users;

-- migrate:downgrade
ALTER TABLE users DROP COLUMN bio;
