-- metrics.lagging_units_at(p_unit, p_date): one row per lead unit in p_unit's roll-up with at
-- least one overdue or late task at p_date (danh sách đơn vị chậm tiến độ), worst first:
-- overdue descending, then on-time rate ascending.
-- metrics.overdue_tasks_at(p_unit, p_date): one row per task of the roll-up overdue at p_date,
-- longest overdue first.
-- reads: metrics.task_status_at, staging.units
-- defines: metrics.lagging_units_at, metrics.overdue_tasks_at
create schema if not exists metrics;

create or replace macro metrics.lagging_units_at(p_unit, p_date) as table
with
task_status as (
    select * from metrics.task_status_at(p_unit, [p_date::date])
),

units as (
    select * from staging.units
),

per_lead_unit as (
    select
        lead_unit as unit_code,
        count(*) filter (where task_class <> 'cancelled') as count_total,
        count(*) filter (where task_class = 'completed_on_time') as count_completed_on_time,
        count(*) filter (where task_class = 'completed_late') as count_completed_late,
        count(*) filter (where task_class = 'overdue') as count_overdue,
        count(*) filter (where task_class = 'completed_on_time' and has_due_date) as count_on_time_with_due_date,
        count(*) filter (where has_due_date and task_class in ('completed_on_time', 'completed_late', 'overdue')) as count_on_time_basis,
    from task_status
    group by lead_unit
),

final as (
    select
        p.unit_code,
        coalesce(u.unit_name, p.unit_code) as unit_name,
        p.count_total::integer as total,
        p.count_completed_on_time::integer as completed_on_time,
        p.count_completed_late::integer as completed_late,
        p.count_overdue::integer as overdue,
        p.count_on_time_with_due_date * 100.0 / nullif(p.count_on_time_basis, 0) as on_time_rate,
    from per_lead_unit as p
    left join units as u on u.unit_code = p.unit_code
    where p.count_overdue > 0 or p.count_completed_late > 0
    order by overdue desc, on_time_rate asc nulls last, p.unit_code
)

select * from final;

create or replace macro metrics.overdue_tasks_at(p_unit, p_date) as table
with
task_status as (
    select * from metrics.task_status_at(p_unit, [p_date::date])
),

units as (
    select * from staging.units
),

final as (
    select
        t.task_id,
        t.title,
        t.lead_unit,
        coalesce(u.unit_name, t.lead_unit) as lead_unit_name,
        t.due_date,
        t.days_overdue::integer as days_overdue,
        t.source_doc,
        t.clause,
    from task_status as t
    left join units as u on u.unit_code = t.lead_unit
    where t.task_class = 'overdue'
    order by t.days_overdue desc, t.due_date, t.task_id
)

select * from final;
