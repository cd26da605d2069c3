-- staging.unit_standards: one row per minimum a commune-level unit must reach (unit type, region,
-- criterion), as the office loaded it from the resolution that applies. region is null for the row
-- that holds in every region (stored as '*' in raw, like kpi_targets' every-unit row).
-- reads: raw.unit_standards
-- defines: staging.unit_standards
create schema if not exists staging;

create or replace view staging.unit_standards as
with
source as (
    select * from raw.unit_standards
),

renamed as (
    select
        unit_type,
        nullif(region, '*') as region,
        region = '*' as is_every_region,
        criterion,
        minimum,
        source,
        load_id,
    from source
),

final as (
    select * from renamed
)

select * from final;
