-- metrics.data_sources: one row per loaded file that still contributes rows to the warehouse
-- (file name, dataset, SHA-256, load time, rows it holds now), for the "data used" line.
-- metrics.data_sources_for(p_unit): the same, limited to the files holding rows about the unit or
-- a unit below it (tasks by lead unit, updates by their task, kpi_targets also by '*', unit_standards
-- by the unit types in the subtree), with the count of those rows; a city's briefing then names its
-- own files, not another city's.
-- p_unit null: every file (the view).
-- reads: raw.units, raw.tasks, raw.task_updates, raw.staffing, raw.admin_indices, raw.revenue, raw.revenue_targets, raw.grdp, raw.kpi_targets, raw.unit_standards, marts.unit_tree
-- defines: metrics.data_sources, metrics.data_sources_for
create schema if not exists metrics;

create or replace macro metrics.data_sources_for(p_unit) as table
with
subtree as (
    select unit_code from marts.unit_tree where ancestor_code = p_unit
),

raw_rows as (
    select load_id from raw.units where p_unit is null or unit_code in (from subtree)
    union all select load_id from raw.tasks where p_unit is null or lead_unit in (from subtree)
    union all select load_id from raw.task_updates where p_unit is null or task_id in (select task_id from raw.tasks where lead_unit in (from subtree))
    union all select load_id from raw.staffing where p_unit is null or unit_code in (from subtree)
    union all select load_id from raw.admin_indices where p_unit is null or unit_code in (from subtree)
    union all select load_id from raw.revenue where p_unit is null or unit_code in (from subtree)
    union all select load_id from raw.revenue_targets where p_unit is null or unit_code in (from subtree)
    union all select load_id from raw.grdp where p_unit is null or unit_code in (from subtree)
    union all select load_id from raw.kpi_targets where p_unit is null or unit_code = '*' or unit_code in (from subtree)
    -- a standard has no unit: it is behind every unit's figures once a commune of the subtree is judged by it
    union all select load_id from raw.unit_standards where p_unit is null or unit_type in (select unit_type from raw.units where unit_code in (from subtree))
),

rows_per_load as (
    select load_id, count(*) as count_rows
    from raw_rows
    group by load_id
)

select
    l.load_id,
    l.file_name,
    l.dataset,
    l.sha256,
    coalesce(l.finished_at, l.started_at) as loaded_at,
    r.count_rows,
from meta.loads as l
join rows_per_load as r on r.load_id = l.load_id
order by loaded_at, l.file_name;

create or replace view metrics.data_sources as
select * from metrics.data_sources_for(null);
