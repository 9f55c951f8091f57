--liquibase formatted sql

--changeset latchkey:202612011200-1
-- the kill switch (PRODUCT.md §5): while set, every live key of the workspace is refused with workspace_locked;
-- kept here so that a locked workspace stays locked across restarts
alter table workspaces add column locked_at timestamptz;
--rollback alter table workspaces drop column locked_at;

--changeset latchkey:202612011200-2
-- key.expired is recorded once per key: the sweep marks each key whose expiry it records, in the transaction of the
-- audit event, with a conditional update (so no two nodes both record it)
alter table api_keys add column expiry_recorded_at timestamptz;
-- the sweep's work list: expiries not yet recorded, of keys not revoked before they expired (the query repeats this
-- predicate, so the planner uses the index; rows leave it once recorded, or when revoked before their expiry)
create index api_keys_expiry_unrecorded_idx on api_keys (expires_at, id)
    where expiry_recorded_at is null and expires_at is not null and (revoked_at is null or revoked_at > expires_at);
--rollback drop index api_keys_expiry_unrecorded_idx; alter table api_keys drop column expiry_recorded_at;
