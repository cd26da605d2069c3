-- metrics.tasks_at(p_unit, p_dates): one row per roll-up unit, as-of date, task indicator and
-- breakdown ({} or {"lead_unit": code}); a unit's figures cover every task led by it or by a unit
-- below it. p_unit null: every unit. A unit whose province or city (the root of its tree) has no
-- task in scope at the date has no basis: every value is null, never 0 (a province whose task
-- register was never loaded does not have "0 overdue"). Within a loaded register a unit leading
-- no task does have 0 of each.
-- reads: metrics.task_status_at, marts.unit_tree, staging.units, staging.tasks
-- defines: metrics.tasks_at
create schema if not exists metrics;

create or replace macro metrics.tasks_at(p_unit, p_dates) as table
with
task_status as (
    select * from metrics.task_status_at(p_unit, p_dates)
),

unit_tree as (
    select * from marts.unit_tree
),

units as (
    select * from staging.units
),

roll_up_units as (
    select unit_code from units where p_unit is null or unit_code = p_unit
),

as_of_dates as (
    select distinct unnest(p_dates)::date as as_of
),

roots as (
    -- each unit's province or city: the ancestor without a parent
    select ut.unit_code, ut.ancestor_code as root_code
    from unit_tree as ut
    join units as a on a.unit_code = ut.ancestor_code
    where a.parent_code is null
),

first_assigned as (
    select lead_unit, min(assigned_date) as first_assigned_date
    from staging.tasks
    group by lead_unit
),

covered_roots as (
    -- a root whose register holds a task in scope at the date (cancelled ones count: the register is there)
    select r.root_code, d.as_of, min(f.first_assigned_date) as first_assigned_date
    from first_assigned as f
    join roots as r on r.unit_code = f.lead_unit
    join as_of_dates as d on f.first_assigned_date <= d.as_of
    group by all
),

grid as (
    -- every requested unit gets its totals: counts 0 and rates null within a loaded register,
    -- every value null where its root has no task register at the date
    select r.unit_code, d.as_of, c.root_code is not null as has_basis
    from roll_up_units as r
    cross join as_of_dates as d
    left join roots as rt on rt.unit_code = r.unit_code
    left join covered_roots as c on c.root_code = rt.root_code and c.as_of = d.as_of
),

rolled_up as (
    select
        ut.ancestor_code as unit_code,
        ts.*,
    from task_status as ts
    join unit_tree as ut on ut.unit_code = ts.lead_unit
    where p_unit is null or ut.ancestor_code = p_unit
),

counted as (
    select
        unit_code,
        as_of,
        case when grouping(lead_unit) = 0 then json_object('lead_unit', lead_unit) else '{}'::json end as dims,
        count(*) filter (where task_class <> 'cancelled') as count_total,
        count(*) filter (where task_class = 'completed_on_time') as count_completed_on_time,
        count(*) filter (where task_class = 'completed_late') as count_completed_late,
        count(*) filter (where task_class = 'overdue') as count_overdue,
        count(*) filter (where task_class = 'on_track') as count_on_track,
        count(*) filter (where task_class = 'open_no_deadline') as count_open_no_deadline,
        count(*) filter (where task_class = 'cancelled') as count_cancelled,
        count(*) filter (where task_class = 'completed_on_time' and has_due_date) as count_on_time_with_due_date,
        count(*) filter (where has_due_date and task_class in ('completed_on_time', 'completed_late', 'overdue')) as count_on_time_basis,
        avg(days_overdue) as avg_days_overdue,
        avg(days_late) as avg_days_late,
        count(*) filter (where is_due_next_30d) as count_due_next_30d,
    from rolled_up
    group by grouping sets ((unit_code, as_of), (unit_code, as_of, lead_unit))
),

with_totals as (
    select
        g.unit_code,
        g.as_of,
        coalesce(c.dims, '{}'::json) as dims,
        if(g.has_basis, coalesce(c.count_total, 0), null) as count_total,
        if(g.has_basis, coalesce(c.count_completed_on_time, 0), null) as count_completed_on_time,
        if(g.has_basis, coalesce(c.count_completed_late, 0), null) as count_completed_late,
        if(g.has_basis, coalesce(c.count_overdue, 0), null) as count_overdue,
        if(g.has_basis, coalesce(c.count_on_track, 0), null) as count_on_track,
        if(g.has_basis, coalesce(c.count_open_no_deadline, 0), null) as count_open_no_deadline,
        if(g.has_basis, coalesce(c.count_cancelled, 0), null) as count_cancelled,
        if(g.has_basis, coalesce(c.count_on_time_with_due_date, 0), null) as count_on_time_with_due_date,
        if(g.has_basis, coalesce(c.count_on_time_basis, 0), null) as count_on_time_basis,
        c.avg_days_overdue,
        c.avg_days_late,
        if(g.has_basis, coalesce(c.count_due_next_30d, 0), null) as count_due_next_30d,
    from grid as g
    left join counted as c on c.unit_code = g.unit_code and c.as_of = g.as_of and c.dims::varchar = '{}'
    union all
    select * from counted where dims::varchar <> '{}'
),

unpivoted as (
    select
        unit_code,
        as_of,
        dims,
        unnest([
            {'indicator_id': 'tasks.total', 'value': count_total::double},
            {'indicator_id': 'tasks.completed_on_time', 'value': count_completed_on_time::double},
            {'indicator_id': 'tasks.completed_late', 'value': count_completed_late::double},
            {'indicator_id': 'tasks.overdue', 'value': count_overdue::double},
            {'indicator_id': 'tasks.on_track', 'value': count_on_track::double},
            {'indicator_id': 'tasks.open_no_deadline', 'value': count_open_no_deadline::double},
            {'indicator_id': 'tasks.cancelled', 'value': count_cancelled::double},
            {'indicator_id': 'tasks.on_time_rate', 'value': count_on_time_with_due_date * 100.0 / nullif(count_on_time_basis, 0)},
            {'indicator_id': 'tasks.completion_rate', 'value': (count_completed_on_time + count_completed_late) * 100.0 / nullif(count_total, 0)},
            {'indicator_id': 'tasks.overdue_rate', 'value': count_overdue * 100.0 / nullif(count_total, 0)},
            {'indicator_id': 'tasks.overdue_days_avg', 'value': avg_days_overdue::double},
            {'indicator_id': 'tasks.late_days_avg', 'value': avg_days_late::double},
            {'indicator_id': 'tasks.due_next_30d', 'value': count_due_next_30d::double}
        ]) as v,
    from with_totals
),

final as (
    select
        unit_code,
        as_of,
        v.indicator_id as indicator_id,
        dims,
        v.value::double as value,
    from unpivoted
)

select * from final;
