-- The monthly report's follow-up lists (Kết luận 183: localities report every month, before the 25th).
-- metrics.tasks_due_between(p_unit, p_as_of, p_from, p_to): one row per task of p_unit's roll-up
-- still open at p_as_of (not completed, not cancelled, not yet overdue) whose due date falls in
-- [p_from, p_to] (the tasks due next month), soonest first.
-- metrics.commune_returns(p_unit, p_from, p_to): one row per commune (xã, phường, đặc khu) of
-- p_unit's roll-up: whether it sent a staffing appendix dated in [p_from, p_to], how many progress
-- reports on the tasks it leads are dated in that month, and whether it owed any (it leads a task
-- assigned by p_to that was not completed or cancelled before p_from).
-- reads: metrics.task_status_at, staging.tasks, staging.task_updates, staging.staffing, staging.units, marts.unit_tree
-- defines: metrics.tasks_due_between, metrics.commune_returns
create schema if not exists metrics;

create or replace macro metrics.tasks_due_between(p_unit, p_as_of, p_from, p_to) as table
with
task_status as (
    select * from metrics.task_status_at(p_unit, [p_as_of::date])
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
        t.status,
        t.source_doc,
        t.clause,
    from task_status as t
    left join units as u on u.unit_code = t.lead_unit
    where t.task_class = 'on_track'
      and t.due_date between p_from::date and p_to::date
    order by t.due_date, t.task_id
)

select * from final;

create or replace macro metrics.commune_returns(p_unit, p_from, p_to) as table
with
units as (
    select * from staging.units
),

unit_tree as (
    select * from marts.unit_tree
),

communes as (
    select u.unit_code, u.unit_name, u.cluster
    from units as u
    join unit_tree as ut on ut.unit_code = u.unit_code and ut.ancestor_code = p_unit
    where u.unit_type in ('xa', 'phuong', 'dac_khu')
),

staffing_sent as (
    select
        unit_code,
        count(*) filter (where snapshot_date between p_from::date and p_to::date) as cells_in_month,
        max(snapshot_date) filter (where snapshot_date <= p_to::date) as latest_snapshot,
    from staging.staffing
    where unit_code in (select unit_code from communes)
    group by unit_code
),

tasks_led as (
    select t.task_id, t.lead_unit
    from staging.tasks as t
    where t.lead_unit in (select unit_code from communes)
      and t.assigned_date <= p_to::date
),

finished_before as (
    -- the task's latest report before the month says it is done or dropped: nothing left to report
    select tu.task_id
    from staging.task_updates as tu
    join tasks_led as t on t.task_id = tu.task_id
    where tu.report_date < p_from::date
    group by tu.task_id
    having arg_max(tu.status, tu.report_date) in ('hoan_thanh', 'huy')
),

owed as (
    select lead_unit as unit_code, count(*) as open_tasks
    from tasks_led
    where task_id not in (select task_id from finished_before)
    group by lead_unit
),

reported as (
    select t.lead_unit as unit_code, count(*) as reports_in_month
    from staging.task_updates as tu
    join tasks_led as t on t.task_id = tu.task_id
    where tu.report_date between p_from::date and p_to::date
    group by t.lead_unit
),

final as (
    select
        c.unit_code,
        c.unit_name,
        c.cluster,
        coalesce(s.cells_in_month, 0) > 0 as staffing_sent,
        s.latest_snapshot,
        coalesce(o.open_tasks, 0)::integer as open_tasks,
        coalesce(r.reports_in_month, 0)::integer as task_reports,
        coalesce(o.open_tasks, 0) > 0 and coalesce(r.reports_in_month, 0) = 0 as task_report_missing,
    from communes as c
    left join staffing_sent as s on s.unit_code = c.unit_code
    left join owed as o on o.unit_code = c.unit_code
    left join reported as r on r.unit_code = c.unit_code
    order by c.unit_code
)

select * from final;
