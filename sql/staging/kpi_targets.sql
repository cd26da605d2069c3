-- staging.kpi_targets: one row per KPI threshold (indicator, unit or '*' for every unit).
-- reads: raw.kpi_targets
-- defines: staging.kpi_targets
create schema if not exists staging;

create or replace view staging.kpi_targets as
with
source as (
    select * from raw.kpi_targets
),

renamed as (
    select
        indicator_id,
        unit_code,
        unit_code = '*' as is_default,
        green_at,
        amber_at,
        load_id,
    from source
),

final as (
    select * from renamed
)

select * from final;
