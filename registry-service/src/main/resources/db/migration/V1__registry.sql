-- Instances, their hostnames, Trusted Applications, client secrets and instance-defined scopes.
-- Deleting an instance deletes everything that belongs to it; deleting an app deletes its secrets.

create table instance (
    id                varchar(63)  primary key,
    display_name      varchar(200) not null,
    hostnames         text[]       not null,
    license_limit     integer      not null check (license_limit > 0),
    reserved_accounts text[]       not null,
    sandbox           boolean      not null
);

-- One row a hostname: the primary key keeps a hostname in one instance only and serves the lookup by host.
create table instance_host (
    host        varchar(255) primary key,
    instance_id varchar(63)  not null references instance (id) on delete cascade
);
create index instance_host_instance on instance_host (instance_id);

create table scope (
    instance_id varchar(63)  not null references instance (id) on delete cascade,
    name        varchar(100) not null,
    description varchar(500),
    primary key (instance_id, name)
);

create table trusted_application (
    id                        uuid         primary key,
    instance_id               varchar(63)  not null references instance (id) on delete cascade,
    client_id                 varchar(200) not null,
    name                      varchar(200) not null,
    client_type               varchar(16)  not null,
    redirect_uris             text[]       not null,
    post_logout_redirect_uris text[]       not null,
    internal_users_allowed    boolean      not null,
    community_users_allowed   boolean      not null,
    system_user_allowed       boolean      not null,
    system_user               varchar(200),
    scopes                    text[]       not null,
    reference_tokens          varchar(32)  not null,
    enabled                   boolean      not null,
    constraint trusted_application_client unique (instance_id, client_id)
);

-- Only the keyed hash of a secret is kept; the secret itself is shown once and never stored.
create table client_secret (
    id         uuid        primary key,
    app_id     uuid        not null references trusted_application (id) on delete cascade,
    hash       bytea       not null,
    created_at timestamptz not null,
    expires_at timestamptz
);
create index client_secret_app on client_secret (app_id);
