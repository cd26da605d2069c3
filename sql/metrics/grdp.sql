-- metrics.grdp_at(p_unit, p_dates): one row per unit and as-of date with grdp.growth: the growth
-- of the latest period ending on or before the date, the longest of those ending then
-- (year > nine months > half > quarter). The unit's own rows only. p_unit null: every unit.
-- reads: staging.grdp
-- defines: metrics.grdp_at
create schema if not exists metrics;

create or replace macro metrics.grdp_at(p_unit, p_dates) as table
with
grdp as (
    select * from staging.grdp
),

as_of_dates as (
    select distinct unnest(p_dates)::date as as_of
),

known_periods as (
    -- a period ending after the as-of date was not published then
    select d.as_of, g.*
    from grdp as g
    join as_of_dates as d on g.period_end <= d.as_of
    where p_unit is null or g.unit_code = p_unit
),

latest_period as (
    select
        as_of,
        unit_code,
        arg_max(growth_pct, (period_end, -period_length_order)) as growth_pct,
    from known_periods
    group by all
),

final as (
    select
        unit_code,
        as_of,
        'grdp.growth' as indicator_id,
        '{}'::json as dims,
        growth_pct::double as value,
    from latest_period
)

select * from final;
