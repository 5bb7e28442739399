-- Revision ID: e5f6a7b8c9d0
-- Revises: d4e5f6a7b8c9
-- Create Date: 2026-11-21 12:30:00
-- Message: welcome note

-- migrate:upgrade
INSERT INTO notes (title, body, author)
VALUES ('Welcome', 'This note was written by a revision script. POST /notes to add your own.', 'migrations');
INSERT INTO note_tags (note_id, tag)
SELECT id, 'welcome' FROM notes WHERE title = 'Welcome' AND author = 'migrations';

-- migrate:downgrade
DELETE FROM notes WHERE title = 'Welcome' AND author = 'migrations';
