-- Versioned migration 001: the load journal and the raw layer.
-- Raw tables hold the current row of every natural key as loaded (a corrected
-- resubmission replaces the row), with lineage: the load that wrote it and the
-- line (CSV) or sheet and row (XLSX) it came from. Values are already parsed
-- and canonical (enum codes, ISO dates); nothing here is derived.

create schema if not exists meta;
create schema if not exists raw;

create sequence if not exists meta.load_id_seq start 1;

-- one row per file a load or validate run looked at
create table if not exists meta.loads (
    load_id        bigint primary key default nextval('meta.load_id_seq'),
    file_name      varchar not null,
    file_path      varchar,
    sha256         varchar not null,
    dataset        varchar not null,
    started_at     timestamp not null,
    finished_at    timestamp,
    rows_read      integer not null default 0,
    inserted       integer not null default 0,
    replaced       integer not null default 0,
    unchanged      integer not null default 0,
    rejected       integer not null default 0,
    outcome        varchar not null,      -- loaded | partial | unchanged | refused
    message        varchar
);

create table if not exists raw.units (
    unit_code      varchar primary key,
    unit_name      varchar not null,
    unit_type      varchar not null,
    parent_code    varchar,
    population     bigint,
    area_km2       double,
    established    date,
    former_units   varchar,
    cluster        varchar,
    row_hash       varchar not null,
    load_id        bigint not null,
    source_line    integer,
    source_sheet   varchar
);

create table if not exists raw.tasks (
    task_id        varchar primary key,
    source_doc     varchar not null,
    source_date    date not null,
    clause         varchar,
    title          varchar not null,
    lead_unit      varchar not null,
    support_units  varchar,              -- unit codes joined by ';'
    assigned_date  date not null,        -- source_date when the file left it empty
    due_kind       varchar not null,
    due_date       date,
    row_hash       varchar not null,
    load_id        bigint not null,
    source_line    integer,
    source_sheet   varchar
);

create table if not exists raw.task_updates (
    task_id        varchar not null,
    report_date    date not null,
    status         varchar not null,
    completed_date date,
    progress_pct   double,
    note           varchar,
    row_hash       varchar not null,
    load_id        bigint not null,
    source_line    integer,
    source_sheet   varchar,
    primary key (task_id, report_date)
);

create table if not exists raw.staffing (
    snapshot_date     date not null,
    phase             varchar,
    unit_code         varchar not null,
    position_group    varchar not null,
    specialty         varchar not null,
    quota             integer not null,
    actual            integer not null,
    from_old_district integer,
    from_old_commune  integer,
    row_hash          varchar not null,
    load_id           bigint not null,
    source_line       integer,
    source_sheet      varchar,
    primary key (snapshot_date, unit_code, position_group, specialty)
);

create table if not exists raw.admin_indices (
    year           integer not null,
    index_code     varchar not null,
    unit_code      varchar not null,
    component      varchar not null,
    score          double not null,
    max_score      double,
    rank           integer,
    rank_of        integer,
    source         varchar,
    row_hash       varchar not null,
    load_id        bigint not null,
    source_line    integer,
    source_sheet   varchar,
    primary key (year, index_code, unit_code, component)
);

-- one month of one category as the file gave it (parents are derived in staging)
create table if not exists raw.revenue (
    year           integer not null,
    month          integer not null,
    unit_code      varchar not null,
    category       varchar not null,
    amount_bn_vnd  double not null,
    is_estimate    boolean,
    row_hash       varchar not null,
    load_id        bigint not null,
    source_line    integer,
    source_sheet   varchar,
    primary key (year, month, unit_code, category)
);

create table if not exists raw.revenue_targets (
    year           integer not null,
    unit_code      varchar not null,
    category       varchar not null,
    target_kind    varchar not null,
    through_month  integer not null,     -- 12 when the file left it empty
    amount_bn_vnd  double not null,
    row_hash       varchar not null,
    load_id        bigint not null,
    source_line    integer,
    source_sheet   varchar,
    primary key (year, unit_code, category, target_kind, through_month)
);

create table if not exists raw.grdp (
    period         varchar not null,     -- canonical: 2025, 2025-Q1, 2025-H1, 2025-9M
    unit_code      varchar not null,
    year           integer not null,
    period_kind    varchar not null,     -- year | nine_months | half | quarter
    period_start   date not null,
    period_end     date not null,
    growth_pct     double not null,
    value_bn_vnd   double,
    rank_national  integer,
    row_hash       varchar not null,
    load_id        bigint not null,
    source_line    integer,
    source_sheet   varchar,
    primary key (period, unit_code)
);

create table if not exists raw.kpi_targets (
    indicator_id   varchar not null,
    unit_code      varchar not null,     -- a unit code, or '*' for every unit
    green_at       double not null,
    amber_at       double,
    row_hash       varchar not null,
    load_id        bigint not null,
    source_line    integer,
    source_sheet   varchar,
    primary key (indicator_id, unit_code)
);
