-- metrics.data_sources: one row per loaded file that still contributes rows to the warehouse
-- (file name, dataset, SHA-256, load time, rows it holds now), for the "data used" line.
-- reads: raw.units, raw.tasks, raw.task_updates, raw.staffing, raw.admin_indices, raw.revenue, raw.revenue_targets, raw.grdp, raw.kpi_targets
-- defines: metrics.data_sources
create schema if not exists metrics;

create or replace view metrics.data_sources as
with
loads as (
    select * from meta.loads
),

raw_rows as (
    select load_id from raw.units
    union all select load_id from raw.tasks
    union all select load_id from raw.task_updates
    union all select load_id from raw.staffing
    union all select load_id from raw.admin_indices
    union all select load_id from raw.revenue
    union all select load_id from raw.revenue_targets
    union all select load_id from raw.grdp
    union all select load_id from raw.kpi_targets
),

rows_per_load as (
    select load_id, count(*) as count_rows
    from raw_rows
    group by load_id
),

final as (
    select
        l.load_id,
        l.file_name,
        l.dataset,
        l.sha256,
        coalesce(l.finished_at, l.started_at) as loaded_at,
        r.count_rows,
    from loads as l
    join rows_per_load as r on r.load_id = l.load_id
    order by loaded_at, l.file_name
)

select * from final;
