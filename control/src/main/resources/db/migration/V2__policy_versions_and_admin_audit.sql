-- Policy bundle versions (immutable), each tenant's current version, and the interim admin
-- audit trail (until issue #5's Merkle log). Every row carries tenant_id; queries filter on it.

-- Refuses any change to an append-only table. Attached below as row triggers (UPDATE, DELETE)
-- and statement triggers (TRUNCATE), so even a hand-written statement cannot rewrite history.
create function parapet_refuse_change() returns trigger
language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'P0001', hint = 'publish a new version instead';
end
$$;

-- A name for the principal behind an admin token, recorded as the author of what it does.
alter table admin_tokens add column name text;

-- File contents by SHA-256, per tenant: a version lists its files by digest, so versions that
-- share files (and every rollback) store each content once.
create table policy_blobs (
    tenant_id  text   not null references tenants (id),
    sha256     text   not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content    bytea  not null,
    primary key (tenant_id, sha256)
);

create table policy_versions (
    tenant_id       text        not null references tenants (id),
    version         integer     not null check (version >= 1),
    parent_version  integer,
    kind            text        not null check (kind in ('publish', 'rollback')),
    rollback_of     integer,
    digest          text        not null check (digest ~ '^sha256:[0-9a-f]{64}$'),
    files           jsonb       not null,   -- {"<path>": "<hex sha-256>"}, the bundle's file list
    signatures      jsonb       not null,   -- the .signatures.json document
    key_id          text        not null,   -- the control plane's key that signed this version
    author          text        not null,
    reason          text        not null,
    created_at      timestamptz not null default now(),
    primary key (tenant_id, version),
    foreign key (tenant_id, parent_version) references policy_versions (tenant_id, version),
    foreign key (tenant_id, rollback_of) references policy_versions (tenant_id, version),
    check (parent_version is null or parent_version < version),
    check ((kind = 'rollback') = (rollback_of is not null))
);

create trigger policy_blobs_append_only before update or delete on policy_blobs
    for each row execute function parapet_refuse_change();
create trigger policy_blobs_no_truncate before truncate on policy_blobs
    for each statement execute function parapet_refuse_change();
create trigger policy_versions_append_only before update or delete on policy_versions
    for each row execute function parapet_refuse_change();
create trigger policy_versions_no_truncate before truncate on policy_versions
    for each statement execute function parapet_refuse_change();

-- The version each tenant's gateways enforce; moved by publish and rollback, never removed.
create table policy_heads (
    tenant_id   text        primary key references tenants (id),
    version     integer     not null,
    updated_at  timestamptz not null default now(),
    foreign key (tenant_id, version) references policy_versions (tenant_id, version)
);

-- Who changed what in the control plane. Application code only inserts.
create table admin_audit (
    id         bigint      generated always as identity primary key,
    tenant_id  text        not null references tenants (id),
    actor      text        not null,
    action     text        not null check (action ~ '^[a-z][a-z_]*(\.[a-z][a-z_]*)+$'),
    target     text        not null,
    details    jsonb       not null default '{}',
    at         timestamptz not null default now()
);
create index admin_audit_tenant_at on admin_audit (tenant_id, at desc, id desc);

create trigger admin_audit_append_only before update or delete on admin_audit
    for each row execute function parapet_refuse_change();
create trigger admin_audit_no_truncate before truncate on admin_audit
    for each statement execute function parapet_refuse_change();
