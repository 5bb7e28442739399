-- The lint corpus: each case is the upgrade section of one revision, linted on its own.
-- '-- case: flags <rule-id>' must report the rule; '-- case: passes <rule-id>' must not.
-- '-- header: <Key>: <value>' lines right after the case line go into the revision's header;
-- '-- pg: <major>' lints for that PostgreSQL version (default: the newest).
-- A table the case does not create is an existing table, with rows.

-- case: flags require-concurrent-index-creation
CREATE INDEX notes_title ON notes (title);

-- case: flags require-concurrent-index-creation
CREATE UNIQUE INDEX IF NOT EXISTS notes_slug ON public.notes USING btree (lower(slug));

-- case: passes require-concurrent-index-creation
-- header: Transactional: false
CREATE INDEX CONCURRENTLY notes_title ON notes (title);

-- case: passes require-concurrent-index-creation
CREATE TABLE tags (id bigint, name text);
CREATE INDEX tags_name ON tags (name);

-- case: passes require-concurrent-index-creation
-- CREATE INDEX notes_title ON notes (title);
SELECT 'CREATE INDEX notes_title ON notes (title)';
CREATE FUNCTION make_index() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CREATE INDEX notes_title ON notes (title); END $$;

-- case: flags require-concurrent-index-deletion
DROP INDEX notes_title;

-- case: flags require-concurrent-index-deletion
DROP INDEX IF EXISTS public.notes_title, notes_slug CASCADE;

-- case: passes require-concurrent-index-deletion
-- header: Transactional: false
DROP INDEX CONCURRENTLY IF EXISTS notes_title;

-- case: passes require-concurrent-index-deletion
CREATE TABLE tags (id bigint, name text);
CREATE INDEX tags_name ON tags (name);
DROP INDEX tags_name;

-- case: passes require-concurrent-index-deletion
/* DROP INDEX notes_title; */
SELECT 'DROP INDEX notes_title';
DO $body$ BEGIN PERFORM 1; DROP INDEX notes_title; END $body$;

-- case: flags ban-concurrent-index-creation-in-transaction
CREATE INDEX CONCURRENTLY notes_title ON notes (title);

-- case: flags ban-concurrent-index-creation-in-transaction
-- header: Transactional: true
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS notes_slug ON notes (slug);

-- case: passes ban-concurrent-index-creation-in-transaction
-- header: Transactional: false
CREATE INDEX CONCURRENTLY notes_title ON notes (title);

-- case: passes ban-concurrent-index-creation-in-transaction
-- header: Transactional: false
CREATE UNIQUE INDEX CONCURRENTLY notes_slug ON notes (slug);

-- case: passes ban-concurrent-index-creation-in-transaction
-- CREATE INDEX CONCURRENTLY notes_title ON notes (title);
COMMENT ON TABLE notes IS 'CREATE INDEX CONCURRENTLY notes_title ON notes (title)';

-- case: flags adding-required-field
ALTER TABLE notes ADD COLUMN author text NOT NULL;

-- case: flags adding-required-field
ALTER TABLE IF EXISTS ONLY notes ADD author_id bigint CONSTRAINT author_present NOT NULL, ADD COLUMN x int;

-- case: passes adding-required-field
ALTER TABLE notes ADD COLUMN author text NOT NULL DEFAULT 'nobody';

-- case: passes adding-required-field
CREATE TABLE authors (id bigint);
ALTER TABLE authors ADD COLUMN name text NOT NULL;

-- case: passes adding-required-field
ALTER TABLE notes ADD COLUMN author text; -- NOT NULL later
ALTER TABLE notes ADD COLUMN note text DEFAULT 'NOT NULL';

-- case: flags adding-field-with-default
ALTER TABLE notes ADD COLUMN token uuid DEFAULT gen_random_uuid();

-- case: flags adding-field-with-default
-- pg: 10
ALTER TABLE notes ADD COLUMN archived boolean NOT NULL DEFAULT false;

-- case: flags adding-field-with-default
ALTER TABLE notes ADD COLUMN title_length integer GENERATED ALWAYS AS (length(title)) STORED;

-- case: passes adding-field-with-default
ALTER TABLE notes ADD COLUMN archived boolean NOT NULL DEFAULT false;

-- case: passes adding-field-with-default
ALTER TABLE notes ADD COLUMN created_at timestamptz DEFAULT now(), ADD COLUMN price numeric DEFAULT 0::numeric(10, 2);

-- case: passes adding-field-with-default
-- pg: 10
CREATE TABLE tags (id bigint);
ALTER TABLE tags ADD COLUMN token uuid DEFAULT gen_random_uuid();

-- case: passes adding-field-with-default
ALTER TABLE notes ADD COLUMN body text DEFAULT 'random()';
CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ ALTER TABLE notes ADD COLUMN t uuid DEFAULT gen_random_uuid() $$;

-- case: flags adding-not-nullable-field
ALTER TABLE notes ALTER COLUMN author SET NOT NULL;

-- case: flags adding-not-nullable-field
-- pg: 11
ALTER TABLE notes ADD CONSTRAINT author_not_null CHECK (author IS NOT NULL) NOT VALID;
ALTER TABLE notes VALIDATE CONSTRAINT author_not_null;
ALTER TABLE notes ALTER author SET NOT NULL;

-- case: passes adding-not-nullable-field
ALTER TABLE notes ADD CONSTRAINT author_not_null CHECK (author IS NOT NULL) NOT VALID;
ALTER TABLE notes VALIDATE CONSTRAINT author_not_null;
ALTER TABLE notes ALTER COLUMN author SET NOT NULL;

-- case: passes adding-not-nullable-field
CREATE TABLE authors (id bigint, name text);
ALTER TABLE authors ALTER COLUMN name SET NOT NULL;

-- case: passes adding-not-nullable-field
-- ALTER TABLE notes ALTER COLUMN author SET NOT NULL;
SELECT 'ALTER TABLE notes ALTER COLUMN author SET NOT NULL';

-- case: flags changing-column-type
ALTER TABLE notes ALTER COLUMN title TYPE text;

-- case: flags changing-column-type
ALTER TABLE notes ALTER id SET DATA TYPE bigint USING id::bigint;

-- case: passes changing-column-type
CREATE TABLE authors (id integer);
ALTER TABLE authors ALTER COLUMN id TYPE bigint;

-- case: passes changing-column-type
ALTER TABLE notes ALTER COLUMN title SET DEFAULT 'TYPE text';

-- case: passes changing-column-type
/* ALTER TABLE notes ALTER COLUMN title TYPE text; */
CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ ALTER TABLE notes ALTER COLUMN title TYPE text $$;

-- case: flags constraint-missing-not-valid
ALTER TABLE notes ADD CONSTRAINT title_length CHECK (length(title) < 200);

-- case: flags constraint-missing-not-valid
ALTER TABLE notes ADD FOREIGN KEY (author_id) REFERENCES authors (id);

-- case: flags constraint-missing-not-valid
ALTER TABLE notes ADD CONSTRAINT title_length CHECK (length(title) < 200) NOT VALID;
ALTER TABLE notes VALIDATE CONSTRAINT title_length;

-- case: passes constraint-missing-not-valid
ALTER TABLE notes ADD CONSTRAINT title_length CHECK (length(title) < 200) NOT VALID;

-- case: passes constraint-missing-not-valid
-- header: Transactional: false
ALTER TABLE notes ADD CONSTRAINT notes_author FOREIGN KEY (author_id) REFERENCES authors (id) NOT VALID;
ALTER TABLE notes VALIDATE CONSTRAINT notes_author;

-- case: passes constraint-missing-not-valid
CREATE TABLE authors (id bigint PRIMARY KEY, name text);
ALTER TABLE authors ADD CONSTRAINT name_length CHECK (length(name) < 100);

-- case: passes constraint-missing-not-valid
-- ALTER TABLE notes ADD CONSTRAINT c CHECK (length(title) < 200);
SELECT 'ALTER TABLE notes ADD CONSTRAINT c CHECK (length(title) < 200)';

-- case: flags adding-foreign-key-constraint
ALTER TABLE notes ADD CONSTRAINT notes_author FOREIGN KEY (author_id) REFERENCES authors (id);

-- case: flags adding-foreign-key-constraint
ALTER TABLE notes ADD COLUMN author_id bigint REFERENCES authors (id);

-- case: passes adding-foreign-key-constraint
ALTER TABLE notes ADD CONSTRAINT notes_author FOREIGN KEY (author_id) REFERENCES authors (id) NOT VALID;

-- case: passes adding-foreign-key-constraint
CREATE TABLE authors (id bigint PRIMARY KEY);
CREATE TABLE books (id bigint, author_id bigint);
ALTER TABLE books ADD CONSTRAINT books_author FOREIGN KEY (author_id) REFERENCES authors (id);

-- case: passes adding-foreign-key-constraint
-- ALTER TABLE notes ADD FOREIGN KEY (author_id) REFERENCES authors (id);
DO $$ BEGIN ALTER TABLE notes ADD FOREIGN KEY (author_id) REFERENCES authors (id); END $$;

-- case: flags disallowed-unique-constraint
ALTER TABLE notes ADD CONSTRAINT notes_slug UNIQUE (slug);

-- case: flags disallowed-unique-constraint
ALTER TABLE notes ADD COLUMN slug text UNIQUE;

-- case: passes disallowed-unique-constraint
ALTER TABLE notes ADD CONSTRAINT notes_slug UNIQUE USING INDEX notes_slug_index;

-- case: passes disallowed-unique-constraint
CREATE TABLE tags (name text);
ALTER TABLE tags ADD CONSTRAINT tags_name UNIQUE (name);

-- case: passes disallowed-unique-constraint
SELECT 'ALTER TABLE notes ADD CONSTRAINT notes_slug UNIQUE (slug)'; -- ADD UNIQUE (slug)

-- case: flags adding-serial-primary-key-field
ALTER TABLE notes ADD COLUMN id bigserial PRIMARY KEY;

-- case: flags adding-serial-primary-key-field
ALTER TABLE notes ADD PRIMARY KEY (id);

-- case: passes adding-serial-primary-key-field
ALTER TABLE notes ADD CONSTRAINT notes_pkey PRIMARY KEY USING INDEX notes_id_index;

-- case: passes adding-serial-primary-key-field
CREATE TABLE tags (id bigint NOT NULL);
ALTER TABLE tags ADD PRIMARY KEY (id);

-- case: passes adding-serial-primary-key-field
-- ALTER TABLE notes ADD PRIMARY KEY (id);
SELECT $$ALTER TABLE notes ADD PRIMARY KEY (id)$$;

-- case: flags renaming-column
ALTER TABLE notes RENAME COLUMN title TO heading;

-- case: flags renaming-column
ALTER TABLE public.notes RENAME body TO content;

-- case: passes renaming-column
ALTER TABLE notes RENAME CONSTRAINT notes_check TO notes_title_check;

-- case: passes renaming-column
CREATE TABLE tags (name text);
ALTER TABLE tags RENAME COLUMN name TO label;

-- case: passes renaming-column
-- ALTER TABLE notes RENAME COLUMN title TO heading;
SELECT 'ALTER TABLE notes RENAME COLUMN title TO heading';

-- case: flags renaming-table
ALTER TABLE notes RENAME TO posts;

-- case: flags renaming-table
ALTER TABLE IF EXISTS public.notes RENAME TO posts;

-- case: passes renaming-table
CREATE TABLE tags (name text);
ALTER TABLE tags RENAME TO labels;

-- case: passes renaming-table
/* ALTER TABLE notes RENAME TO posts; */
SELECT 'ALTER TABLE notes RENAME TO posts';

-- case: flags ban-drop-column
ALTER TABLE notes DROP COLUMN author;

-- case: flags ban-drop-column
ALTER TABLE notes DROP IF EXISTS author, DROP CONSTRAINT notes_author;

-- case: passes ban-drop-column
ALTER TABLE notes DROP CONSTRAINT notes_author;

-- case: passes ban-drop-column
ALTER TABLE notes ALTER COLUMN author DROP DEFAULT, ALTER COLUMN author DROP NOT NULL;

-- case: passes ban-drop-column
CREATE TABLE tags (name text, label text);
ALTER TABLE tags DROP COLUMN label;

-- case: passes ban-drop-column
-- ALTER TABLE notes DROP COLUMN author;
SELECT 'ALTER TABLE notes DROP COLUMN author';

-- case: flags ban-drop-table
DROP TABLE notes;

-- case: flags ban-drop-table
CREATE TABLE scratch (id bigint);
DROP TABLE IF EXISTS scratch, notes CASCADE;

-- case: passes ban-drop-table
CREATE TABLE scratch (id bigint);
DROP TABLE scratch;

-- case: passes ban-drop-table
-- DROP TABLE notes;
SELECT 'DROP TABLE notes';
CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DROP TABLE notes; END $$;

-- case: flags ban-drop-database
-- header: Transactional: false
DROP DATABASE app;

-- case: flags ban-drop-database
-- header: Transactional: false
DROP DATABASE IF EXISTS app WITH (FORCE);

-- case: passes ban-drop-database
-- DROP DATABASE app;
SELECT 'DROP DATABASE app';

-- case: passes ban-drop-database
DROP TABLE IF EXISTS database;

-- case: flags ban-truncate-cascade
TRUNCATE notes CASCADE;

-- case: flags ban-truncate-cascade
TRUNCATE TABLE ONLY notes, note_tags RESTART IDENTITY CASCADE;

-- case: passes ban-truncate-cascade
TRUNCATE notes;

-- case: passes ban-truncate-cascade
TRUNCATE notes RESTRICT; -- CASCADE
SELECT 'TRUNCATE notes CASCADE';

-- case: flags ban-char-field
CREATE TABLE countries (code char(2) PRIMARY KEY);

-- case: flags ban-char-field
ALTER TABLE notes ADD COLUMN status character(1), ADD COLUMN kind bpchar;

-- case: passes ban-char-field
CREATE TABLE countries (code text PRIMARY KEY, name character varying);

-- case: passes ban-char-field
-- code char(2)
CREATE TABLE countries (code varchar, note text DEFAULT 'char(2)');

-- case: flags prefer-bigint-over-int
CREATE TABLE counters (id integer PRIMARY KEY);

-- case: flags prefer-bigint-over-int
ALTER TABLE notes ADD COLUMN views int4, ADD COLUMN seq serial;

-- case: passes prefer-bigint-over-int
CREATE TABLE counters (id bigint PRIMARY KEY, small smallint);

-- case: passes prefer-bigint-over-int
-- id integer
CREATE TABLE counters (id bigint, label text DEFAULT 'integer');
SELECT 1::integer;

-- case: flags prefer-identity
CREATE TABLE counters (id serial PRIMARY KEY);

-- case: flags prefer-identity
CREATE TABLE counters (id bigserial, small smallserial);

-- case: passes prefer-identity
CREATE TABLE counters (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);

-- case: passes prefer-identity
-- id serial
CREATE TABLE counters (id bigint GENERATED BY DEFAULT AS IDENTITY, note text DEFAULT 'serial');

-- case: flags prefer-timestamptz
CREATE TABLE events (at timestamp NOT NULL);

-- case: flags prefer-timestamptz
ALTER TABLE notes ALTER COLUMN created_at TYPE timestamp(3) without time zone;

-- case: passes prefer-timestamptz
CREATE TABLE events (at timestamptz NOT NULL, seen timestamp(3) with time zone);

-- case: passes prefer-timestamptz
-- at timestamp
CREATE TABLE events (at timestamp with time zone, note text DEFAULT 'timestamp');

-- case: flags prefer-text-field
CREATE TABLE people (name varchar(100));

-- case: flags prefer-text-field
ALTER TABLE notes ADD COLUMN title character varying(200);

-- case: passes prefer-text-field
CREATE TABLE people (name text CHECK (length(name) <= 100), nick varchar);

-- case: passes prefer-text-field
-- name varchar(100)
CREATE TABLE people (name text DEFAULT 'varchar(100)');

-- case: flags require-timeout-settings
ALTER TABLE notes ADD COLUMN author text;

-- case: flags require-timeout-settings
CREATE TABLE scratch (id bigint);
DROP TABLE notes;

-- case: passes require-timeout-settings
SET lock_timeout = '2s';
ALTER TABLE notes ADD COLUMN author text;

-- case: passes require-timeout-settings
SET LOCAL lock_timeout TO '500ms';
ALTER TABLE notes ADD COLUMN author text;

-- case: passes require-timeout-settings
CREATE TABLE authors (id bigint);
ALTER TABLE authors ADD COLUMN name text;
-- ALTER TABLE notes ADD COLUMN author text;
SELECT 'ALTER TABLE notes ADD COLUMN author text';

-- case: flags ignore-without-reason
-- lint: ignore ban-drop-table
DROP TABLE notes;

-- case: flags ignore-without-reason
-- header: Lint Ignore: ban-drop-column
ALTER TABLE notes DROP COLUMN author;

-- case: passes ignore-without-reason
-- lint: ignore ban-drop-table the notes moved to posts in release 4
DROP TABLE notes;

-- case: passes ignore-without-reason
-- header: Lint Ignore: ban-drop-column, require-timeout-settings nothing reads author since release 3
ALTER TABLE notes DROP COLUMN author;
