-- metrics.task_status_at(p_unit, p_dates): one row per task in scope per as-of date in p_dates,
-- for the tasks led by p_unit or any unit below it (every unit when p_unit is null): its status
-- at that date (latest update reported on or before it) and its class of INDICATORS.md.
-- reads: staging.tasks, staging.task_updates, marts.unit_tree
-- defines: metrics.task_status_at
create schema if not exists metrics;

create or replace macro metrics.task_status_at(p_unit, p_dates) as table
with
tasks as (
    select * from staging.tasks
),

task_updates as (
    select * from staging.task_updates
),

unit_tree as (
    select * from marts.unit_tree
),

as_of_dates as (
    select distinct unnest(p_dates)::date as as_of
),

tasks_in_roll_up as (
    select tasks.*
    from tasks
    where p_unit is null
       or tasks.lead_unit in (select ut.unit_code from unit_tree as ut where ut.ancestor_code = p_unit)
),

tasks_in_scope as (
    select
        d.as_of,
        t.*,
    from tasks_in_roll_up as t
    join as_of_dates as d on t.assigned_date <= d.as_of
),

latest_updates as (
    -- an update reported after the as-of date was not known then
    select
        s.as_of,
        s.task_id,
        arg_max({'status': tu.status, 'completed_date': tu.completed_date}, tu.report_date) as latest,
        max(tu.report_date) as last_report_date,
    from tasks_in_scope as s
    join task_updates as tu on tu.task_id = s.task_id and tu.report_date <= s.as_of
    group by s.as_of, s.task_id
),

with_status as (
    select
        s.as_of,
        s.task_id,
        s.title,
        s.source_doc,
        s.clause,
        s.lead_unit,
        s.assigned_date,
        s.due_kind,
        s.due_date,
        s.has_due_date,
        coalesce(l.latest.status, 'chua_thuc_hien') as status,
        case when l.latest.status = 'hoan_thanh' then l.latest.completed_date end as completed_date,
        l.last_report_date,
    from tasks_in_scope as s
    left join latest_updates as l on l.task_id = s.task_id and l.as_of = s.as_of
),

classified as (
    select
        *,
        case
            when status = 'huy' then 'cancelled'
            when status = 'hoan_thanh' and (due_date is null or completed_date <= due_date) then 'completed_on_time'
            when status = 'hoan_thanh' then 'completed_late'
            when due_date is null then 'open_no_deadline'
            when due_date < as_of then 'overdue'
            else 'on_track'
        end as task_class,
    from with_status
),

final as (
    select
        *,
        case when task_class = 'overdue' then as_of - due_date end as days_overdue,
        case when task_class = 'completed_late' then completed_date - due_date end as days_late,
        task_class in ('overdue', 'on_track') and due_date > as_of and due_date <= as_of + 30 as is_due_next_30d,
    from classified
)

select * from final;
