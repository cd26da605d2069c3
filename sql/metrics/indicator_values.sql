-- metrics.indicator_values_for(p_unit, p_dates, p_prefix): one row per unit, as-of date, indicator and
-- breakdown (dims, a JSON object; {} for the total), with the indicator's unit and its KPI status
-- (dat | can_co_gang | chua_dat; null without a target or a value). A unit's own kpi_targets row
-- wins over the '*' row. p_unit null: every unit; p_prefix: only ids starting with it (null: all),
-- and an area the prefix rules out is not computed at all.
-- metrics.indicator_values_at(p_unit, p_dates): the same for every indicator.
-- metrics.indicator_values: the same for every unit at every month end present in the data;
-- the stable view for analysts.
-- reads: metrics.tasks_at, metrics.staffing_at, metrics.indices_at, metrics.revenue_at, metrics.grdp_at, metrics.units_at, staging.units, metrics.indicator_catalogue, staging.kpi_targets, marts.month_ends
-- defines: metrics.indicator_values_for, metrics.indicator_values_at, metrics.indicator_values
create schema if not exists metrics;

create or replace macro metrics.indicator_values_for(p_unit, p_dates, p_prefix) as table
with
tasks as (
    select * from metrics.tasks_at(p_unit, p_dates)
    where p_prefix is null or starts_with('tasks.', p_prefix) or starts_with(p_prefix, 'tasks.')
),

catalogue as (
    select * from metrics.indicator_catalogue
),

kpi_targets as (
    select * from staging.kpi_targets
),

staffing as (
    select * from metrics.staffing_at(p_unit, p_dates)
    where p_prefix is null or starts_with('staffing.', p_prefix) or starts_with(p_prefix, 'staffing.')
),

indices as (
    select * from metrics.indices_at(p_unit, p_dates)
    where p_prefix is null or not (starts_with(p_prefix, 'tasks') or starts_with(p_prefix, 'staffing') or starts_with(p_prefix, 'revenue') or starts_with(p_prefix, 'grdp') or starts_with(p_prefix, 'units'))
),

revenue as (
    select * from metrics.revenue_at(p_unit, p_dates)
    where p_prefix is null or starts_with('revenue.', p_prefix) or starts_with(p_prefix, 'revenue.')
),

grdp as (
    select * from metrics.grdp_at(p_unit, p_dates)
    where p_prefix is null or starts_with('grdp.', p_prefix) or starts_with(p_prefix, 'grdp.')
),

unit_standards as (
    select * from metrics.units_at(p_unit, p_dates)
    where p_prefix is null or starts_with('units.', p_prefix) or starts_with(p_prefix, 'units.')
),

computed as (
    select * from tasks
    union all by name
    select * from staffing
    union all by name
    select * from indices
    union all by name
    select * from revenue
    union all by name
    select * from grdp
    union all by name
    select * from unit_standards
),

units as (
    select * from staging.units
),

expected_totals as (
    -- every indicator with a total appears for every requested unit and date, null where the
    -- data give no basis (no index row, no GRDP period yet, no revenue)
    select u.unit_code, unnest(p_dates)::date as as_of, c.indicator_id
    from units as u
    cross join catalogue as c
    where c.has_total and (p_unit is null or u.unit_code = p_unit)
      and (p_prefix is null or starts_with(c.indicator_id, p_prefix))
),

missing_totals as (
    select e.unit_code, e.as_of, e.indicator_id, '{}'::json as dims, null::double as value
    from expected_totals as e
    anti join computed as v
      on v.unit_code = e.unit_code and v.as_of = e.as_of and v.indicator_id = e.indicator_id and v.dims::varchar = '{}'
),

all_values as (
    select * from computed
    union all by name
    select * from missing_totals
),

with_targets as (
    select
        v.*,
        c.unit,
        c.direction,
        -- the unit's own threshold row wins over the '*' row, both thresholds from the same row
        case when own.indicator_id is not null then own.green_at else every_unit.green_at end as green_at,
        case when own.indicator_id is not null then own.amber_at else every_unit.amber_at end as amber_at,
    from all_values as v
    join catalogue as c on c.indicator_id = v.indicator_id
    left join kpi_targets as own on own.indicator_id = v.indicator_id and own.unit_code = v.unit_code
    left join kpi_targets as every_unit on every_unit.indicator_id = v.indicator_id and every_unit.is_default
),

final as (
    select
        unit_code,
        as_of,
        indicator_id,
        dims,
        value,
        unit,
        case
            when value is null or green_at is null or direction = 'none' then null
            when direction = 'higher' then
                case when value >= green_at then 'dat'
                     when value >= amber_at then 'can_co_gang'
                     else 'chua_dat' end
            else
                case when value <= green_at then 'dat'
                     when value <= amber_at then 'can_co_gang'
                     else 'chua_dat' end
        end as status,
    from with_targets
    where p_prefix is null or starts_with(indicator_id, p_prefix)
)

select * from final;

create or replace macro metrics.indicator_values_at(p_unit, p_dates) as table
select * from metrics.indicator_values_for(p_unit, p_dates, null);

create or replace view metrics.indicator_values as
select * from metrics.indicator_values_at(null, (select list(month_end) from marts.month_ends));
