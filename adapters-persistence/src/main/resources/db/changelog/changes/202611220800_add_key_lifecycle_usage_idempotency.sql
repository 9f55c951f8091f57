--liquibase formatted sql

--changeset latchkey:202611220800-1
-- key lifecycle: IP allowlists, request signing (the secret sealed, never plain), rolls
alter table api_keys
    add column ip_allowlist  text[]      not null default '{}',
    add column signing       boolean     not null default false,
    add column sealed_secret bytea,
    add column rolled_to_id  varchar(40) references api_keys (id);
-- a signing key always has its sealed secret and only signing keys have one; only secret keys sign
alter table api_keys
    add constraint api_keys_sealed_secret_ck check (signing = (sealed_secret is not null)),
    add constraint api_keys_signing_type_ck check (not signing or type = 'sk'),
    add constraint api_keys_rolled_to_ck check (rolled_to_id <> id);
-- a key is the successor of at most one roll
create unique index api_keys_rolled_to_uq on api_keys (rolled_to_id);
-- the signing secrets of a workspace and environment (RequestSignatureService)
create index api_keys_signing_idx on api_keys (workspace_id, environment) where signing;
--rollback drop index api_keys_signing_idx; drop index api_keys_rolled_to_uq;
--rollback alter table api_keys drop constraint api_keys_rolled_to_ck, drop constraint api_keys_signing_type_ck, drop constraint api_keys_sealed_secret_ck;
--rollback alter table api_keys drop column rolled_to_id, drop column sealed_secret, drop column signing, drop column ip_allowlist;

--changeset latchkey:202611220800-2
-- requests per key and minute, and per key and UTC day; written in batches, summed on conflict
create table key_usage_minutes (
    key_id       varchar(40) not null references api_keys (id) on delete cascade,
    minute       timestamptz not null,
    workspace_id varchar(40) not null,
    environment  varchar(4)  not null,
    requests     bigint      not null check (requests >= 0),
    primary key (key_id, minute)
);
create index key_usage_minutes_workspace_idx on key_usage_minutes (workspace_id, environment, minute);

create table key_usage_days (
    key_id       varchar(40) not null references api_keys (id) on delete cascade,
    day          date        not null,
    workspace_id varchar(40) not null,
    environment  varchar(4)  not null,
    requests     bigint      not null check (requests >= 0),
    primary key (key_id, day)
);
create index key_usage_days_workspace_idx on key_usage_days (workspace_id, environment, day);
--rollback drop table key_usage_days; drop table key_usage_minutes;

--changeset latchkey:202611220800-3
-- PRODUCT.md §7: one record per scope (workspace/environment/credential) and Idempotency-Key
create table idempotency_records (
    scope        varchar(200) not null,
    key          varchar(255) not null,
    fingerprint  bytea        not null,
    created_at   timestamptz  not null,
    status       integer,
    content_type varchar(255),
    body         bytea,
    primary key (scope, key)
);
create index idempotency_records_created_idx on idempotency_records (created_at);
--rollback drop table idempotency_records;
