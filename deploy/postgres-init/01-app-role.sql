-- Runs once, when the database volume is created. The application connects as approval_app; the app's own start-up,
-- as the owner `approval`, grants it everything but UPDATE, DELETE and TRUNCATE on the event table.
-- Change this password here and in docker-compose.yml before going live.
create role approval_app login password 'approval_app';
