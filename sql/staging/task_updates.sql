-- staging.task_updates: one row per progress report of a task (task_id, report_date).
-- reads: raw.task_updates
-- defines: staging.task_updates
create schema if not exists staging;

create or replace view staging.task_updates as
with
source as (
    select * from raw.task_updates
),

renamed as (
    select
        task_id,
        report_date,
        status,
        completed_date,
        progress_pct,
        note,
        status = 'hoan_thanh' as is_completed,
        status = 'huy' as is_cancelled,
        load_id,
    from source
),

final as (
    select * from renamed
)

select * from final;
