-- staging.revenue_targets: one row per revenue target (year, unit, category, kind, through_month).
-- reads: raw.revenue_targets
-- defines: staging.revenue_targets
create schema if not exists staging;

create or replace view staging.revenue_targets as
with
source as (
    select * from raw.revenue_targets
),

renamed as (
    select
        year,
        unit_code,
        category,
        target_kind,
        through_month,
        amount_bn_vnd,
        through_month = 12 as is_annual,
        load_id,
    from source
),

final as (
    select * from renamed
)

select * from final;
