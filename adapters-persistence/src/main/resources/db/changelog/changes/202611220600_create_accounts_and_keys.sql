--liquibase formatted sql

--changeset latchkey:202611220600-1
create table users (
    id            varchar(40)  primary key,
    email         varchar(254) not null,
    password_hash varchar(200) not null,
    created_at    timestamptz  not null
);
create unique index users_email_uq on users (email);

create table workspaces (
    id         varchar(40)  primary key,
    name       varchar(100) not null,
    plan       varchar(16)  not null check (plan in ('FREE', 'PRO', 'SCALE', 'ENTERPRISE')),
    created_at timestamptz  not null
);

create table memberships (
    workspace_id varchar(40) not null references workspaces (id) on delete cascade,
    user_id      varchar(40) not null references users (id) on delete cascade,
    role         varchar(8)  not null check (role in ('OWNER', 'ADMIN', 'MEMBER')),
    joined_at    timestamptz not null,
    primary key (workspace_id, user_id)
);
create index memberships_user_idx on memberships (user_id, joined_at);

create table api_keys (
    id                    varchar(40)  primary key,
    workspace_id          varchar(40)  not null references workspaces (id) on delete cascade,
    environment           varchar(4)   not null check (environment in ('live', 'test')),
    type                  varchar(2)   not null check (type in ('pk', 'sk', 'rk')),
    name                  varchar(100) not null,
    prefix                varchar(12)  not null,
    last4                 varchar(4)   not null,
    key_hash              char(64)     not null,
    scopes                text[]       not null,
    rate_limit_per_minute integer      not null check (rate_limit_per_minute > 0),
    created_at            timestamptz  not null,
    expires_at            timestamptz,
    revoked_at            timestamptz,
    last_used_at          timestamptz,
    last_used_ip          varchar(45)
);
create unique index api_keys_hash_uq on api_keys (key_hash);
create index api_keys_listing_idx on api_keys (workspace_id, environment, created_at desc, id desc);
--rollback drop table api_keys; drop table memberships; drop table workspaces; drop table users;
