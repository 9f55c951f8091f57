--liquibase formatted sql

--changeset latchkey:202612011100-1
-- invitations to join a workspace (PRODUCT.md §1, §12): the link's single-use token is kept only as its SHA-256;
-- an invitation is pending while neither accepted nor revoked and before expires_at
create table invitations (
    id           varchar(40)  primary key,
    workspace_id varchar(40)  not null references workspaces (id) on delete cascade,
    email        varchar(254) not null,
    role         varchar(8)   not null check (role in ('OWNER', 'ADMIN', 'MEMBER')),
    token_hash   char(64)     not null,
    invited_by   varchar(40)  not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    accepted_at  timestamptz,
    revoked_at   timestamptz,
    constraint invitations_expiry_ck check (expires_at > created_at),
    constraint invitations_once_ck check (accepted_at is null or revoked_at is null)
);
-- a token names one invitation (the accept link looks it up by hash)
create unique index invitations_token_hash_uq on invitations (token_hash);
-- a workspace's open invitations, newest first (the listing, its cursor, the count against the plan)
create index invitations_open_idx on invitations (workspace_id, created_at desc, id desc)
    where accepted_at is null and revoked_at is null;
--rollback drop table invitations;

--changeset latchkey:202612011100-2
-- a workspace's members in the order they joined (GET /v1/members and its cursor)
create index memberships_workspace_idx on memberships (workspace_id, joined_at, user_id);
--rollback drop index memberships_workspace_idx;
