-- marts.month_ends: one row per month-end date for which the warehouse holds data
-- (a task assigned, a progress report, a staffing snapshot or a revenue month).
-- reads: staging.tasks, staging.task_updates, staging.staffing, staging.revenue
-- defines: marts.month_ends
create schema if not exists marts;

create or replace view marts.month_ends as
with
tasks as (
    select assigned_date as data_date from staging.tasks
),

task_updates as (
    select report_date as data_date from staging.task_updates
),

staffing as (
    select snapshot_date as data_date from staging.staffing
),

revenue as (
    select make_date(year, month, 1) as data_date from staging.revenue
),

all_dates as (
    select * from tasks
    union all select * from task_updates
    union all select * from staffing
    union all select * from revenue
),

final as (
    select distinct last_day(data_date) as month_end
    from all_dates
    order by month_end
)

select * from final;
