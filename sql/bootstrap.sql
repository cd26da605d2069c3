-- Applied before any migration: the tables that record which migrations and models are in place.
create schema if not exists meta;

create table if not exists meta.schema_version (
    version     integer primary key,
    name        varchar not null,
    checksum    varchar not null,
    applied_at  timestamp not null
);

create table if not exists meta.model_version (
    name        varchar primary key,
    checksum    varchar not null,
    applied_at  timestamp not null
);
