-- staging.tasks: one row per assigned task (nhiệm vụ), with its deadline flag.
-- reads: raw.tasks
-- defines: staging.tasks
create schema if not exists staging;

create or replace view staging.tasks as
with
source as (
    select * from raw.tasks
),

renamed as (
    select
        task_id,
        source_doc,
        source_date,
        clause,
        title,
        lead_unit,
        support_units,
        assigned_date,
        due_kind,
        due_date,
        due_date is not null as has_due_date,
        load_id,
    from source
),

final as (
    select * from renamed
)

select * from final;
