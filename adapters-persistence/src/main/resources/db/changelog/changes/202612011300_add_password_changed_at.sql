--liquibase formatted sql

--changeset latchkey:202612011300-1
-- password change: when it happened, and the version every user token carries; a change moves the version on, so
-- that tokens issued before it are refused (existing users start at 0, which tokens without a version also mean)
alter table users add column password_changed_at timestamptz;
alter table users add column token_version integer not null default 0 check (token_version >= 0);
--rollback alter table users drop column token_version;
--rollback alter table users drop column password_changed_at;
