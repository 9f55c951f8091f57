--liquibase formatted sql

--changeset latchkey:202612011000-1
-- the audit log: written in the transaction of each change; never holds a secret (the domain refuses key- or
-- token-shaped details); purged per plan retention
create table audit_events (
    id           varchar(40)  primary key,
    workspace_id varchar(40)  not null references workspaces (id) on delete cascade,
    environment  varchar(4)   check (environment in ('live', 'test')),
    action       varchar(48)  not null,
    actor_type   varchar(8)   not null check (actor_type in ('user', 'key', 'system')),
    actor_id     varchar(64)  not null,
    actor_label  varchar(320) not null,
    ip           varchar(45),
    target_type  varchar(16),
    target_id    varchar(64),
    occurred_at  timestamptz  not null,
    details      jsonb        not null default '{}'
);
-- newest first within a workspace (the listing and its cursor), and the filters that narrow it
create index audit_events_workspace_idx on audit_events (workspace_id, occurred_at desc, id desc);
create index audit_events_target_idx on audit_events (workspace_id, target_id, occurred_at desc);
create index audit_events_actor_idx on audit_events (workspace_id, actor_id, occurred_at desc);
-- retention purges by age across workspaces
create index audit_events_occurred_idx on audit_events (occurred_at);
--rollback drop table audit_events;
