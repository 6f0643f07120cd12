-- Tenants, their credentials (hashes only) and the decision events gateways deliver.
-- Every tenant-owned table carries tenant_id; queries always filter on it.

create table tenants (
    id          text        primary key,
    name        text        not null,
    created_at  timestamptz not null default now()
);

create table api_keys (
    id              text        primary key,
    tenant_id       text        not null references tenants (id),
    key_hash        text        not null unique,
    display_prefix  text        not null,
    principal_id    text        not null,
    role            text        not null,
    created_at      timestamptz not null default now(),
    revoked_at      timestamptz
);
create index api_keys_tenant_active on api_keys (tenant_id) where revoked_at is null;

create table admin_tokens (
    id          text        primary key,
    tenant_id   text        not null references tenants (id),
    token_hash  text        not null unique,
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz
);

-- One row per gateway instance; issuing a new token for a gateway replaces the old one.
create table gateways (
    id          text        not null,
    tenant_id   text        not null references tenants (id),
    token_hash  text        not null unique,
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz,
    primary key (tenant_id, id)
);

create table events (
    event_id      uuid        primary key,
    tenant_id     text        not null references tenants (id),
    ts            timestamptz not null,
    decision      text        not null,
    reason_codes  text[]      not null default '{}',
    payload       jsonb       not null,
    received_at   timestamptz not null default now()
);
-- Newest-first keyset pagination per tenant.
create index events_tenant_ts_id on events (tenant_id, ts desc, event_id desc);
create index events_reason_codes on events using gin (reason_codes);
