-- staging.grdp: one row per published GRDP growth figure (period, unit), with the
-- period's length rank (year 1, nine months 2, half 3, quarter 4) used to prefer the longest.
-- reads: raw.grdp
-- defines: staging.grdp
create schema if not exists staging;

create or replace view staging.grdp as
with
source as (
    select * from raw.grdp
),

renamed as (
    select
        period,
        unit_code,
        year,
        period_kind,
        period_start,
        period_end,
        growth_pct,
        value_bn_vnd,
        rank_national,
        case period_kind
            when 'year' then 1
            when 'nine_months' then 2
            when 'half' then 3
            when 'quarter' then 4
        end as period_length_order,
        load_id,
    from source
),

final as (
    select * from renamed
)

select * from final;
