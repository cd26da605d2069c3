-- metrics.indicator_values_for(p_unit, p_dates, p_prefix): one row per unit, as-of date, indicator and
-- breakdown (dims, a JSON object; {} for the total), with the indicator's unit and its KPI status
-- (dat | can_co_gang | chua_dat; null without a target or a value), and what the status is judged
-- against: direction, green_at, amber_at, the kpi_targets row (target_unit_code), the value compared
-- (basis_id/basis_dims/basis_value: revenue.ytd is judged by its % of the period plan) and, for a
-- revenue target, its amount and months (basis_target_bn_vnd, basis_through_month); status_note says
-- why a value with a target has no status. A unit's own kpi_targets row wins over the '*' row.
-- revenue.pct_of_annual_target gets a status only at a December as-of date. p_unit null: every unit; p_prefix: only ids starting with it (null: all),
-- and an area the prefix rules out is not computed at all.
-- metrics.indicator_values_at(p_unit, p_dates): the same for every indicator.
-- metrics.indicator_values: the same for every unit at every month end present in the data;
-- the stable view for analysts.
-- reads: metrics.tasks_at, metrics.staffing_at, metrics.indices_at, metrics.revenue_at, metrics.grdp_at, metrics.units_at, staging.units, metrics.indicator_catalogue, staging.kpi_targets, staging.revenue_targets, marts.month_ends
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

revenue_targets as (
    select * from staging.revenue_targets
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

period_plans as (
    -- year-to-date revenue is judged by the share of the plan for the same months (kế hoạch kỳ)
    -- it reached, not by the annual estimate: a plan of the unit's own (kế hoạch) first, then the
    -- HĐND's, then the centre's estimate for the period
    select
        unit_code,
        as_of,
        (dims->>'category') as category,
        dims,
        value,
        row_number() over (
            partition by unit_code, as_of, (dims->>'category')
            order by case (dims->>'target_kind') when 'ke_hoach' then 0 when 'du_toan_dia_phuong' then 1 else 2 end
        ) as kind_rank,
    from all_values
    where indicator_id = 'revenue.pct_of_period_target'
),

with_basis as (
    -- the value each status compares with its thresholds: the value itself, or for revenue.ytd
    -- its percentage of the period plan (same category)
    select
        v.*,
        case when v.indicator_id = 'revenue.ytd' then 'revenue.pct_of_period_target' else v.indicator_id end as basis_id,
        case when v.indicator_id = 'revenue.ytd' then pp.dims else v.dims end as basis_dims,
        case when v.indicator_id = 'revenue.ytd' then pp.value else v.value end as basis_value,
    from all_values as v
    left join period_plans as pp
      on v.indicator_id = 'revenue.ytd' and pp.kind_rank = 1
     and pp.unit_code = v.unit_code and pp.as_of = v.as_of and pp.category = (v.dims->>'category')
),

with_targets as (
    select
        v.*,
        c.unit,
        c.direction,
        -- the unit's own threshold row wins over the '*' row, both thresholds from the same row
        case when own.indicator_id is not null then own.green_at else every_unit.green_at end as green_at,
        case when own.indicator_id is not null then own.amber_at else every_unit.amber_at end as amber_at,
        case when own.indicator_id is not null then own.unit_code when every_unit.indicator_id is not null then '*' end as target_unit_code,
        -- a revenue target compared with: its amount and the months it covers
        rt.amount_bn_vnd as basis_target_bn_vnd,
        rt.through_month as basis_through_month,
    from with_basis as v
    join catalogue as c on c.indicator_id = v.indicator_id
    left join kpi_targets as own on own.indicator_id = v.basis_id and own.unit_code = v.unit_code
    left join kpi_targets as every_unit on every_unit.indicator_id = v.basis_id and every_unit.is_default
    left join revenue_targets as rt
      on v.basis_id in ('revenue.pct_of_period_target', 'revenue.pct_of_annual_target')
     and rt.unit_code = v.unit_code and rt.year = year(v.as_of)
     and rt.category = (v.basis_dims->>'category') and rt.target_kind = (v.basis_dims->>'target_kind')
     and rt.through_month = case when v.basis_id = 'revenue.pct_of_annual_target' then 12 else month(v.as_of) end
),

final as (
    select
        unit_code,
        as_of,
        indicator_id,
        dims,
        -- sums of doubles carry binary noise (11239.999999999998); the catalogue shows at most 2
        -- decimals, so 8 places (decimals + 6) drop the noise and never a digit anyone reads
        round(value, 8) as value,
        unit,
        case
            when value is null or basis_value is null or green_at is null or direction = 'none' then null
            -- the annual estimate is met or not only when the year is over; before that the
            -- year-to-date is judged against the period plan (revenue.ytd)
            when indicator_id = 'revenue.pct_of_annual_target' and month(as_of) < 12 then null
            when direction = 'higher' then
                case when basis_value >= green_at then 'dat'
                     when basis_value >= amber_at then 'can_co_gang'
                     else 'chua_dat' end
            else
                case when basis_value <= green_at then 'dat'
                     when basis_value <= amber_at then 'can_co_gang'
                     else 'chua_dat' end
        end as status,
        -- what the status is judged against (null without a kpi_targets row): the thresholds, whose
        -- row they come from ('*' or the unit), and the value compared (basis_id, basis_dims, basis_value)
        direction,
        green_at,
        amber_at,
        target_unit_code,
        basis_id,
        basis_dims,
        basis_value,
        basis_target_bn_vnd,
        basis_through_month,
        -- why a value with a target has no status: no_value | no_period_plan | annual_target_mid_year
        case
            when green_at is null or direction = 'none' then null
            when value is null then 'no_value'
            when basis_value is null and indicator_id = 'revenue.ytd' then 'no_period_plan'
            when indicator_id = 'revenue.pct_of_annual_target' and month(as_of) < 12 then 'annual_target_mid_year'
        end as status_note,
    from with_targets
    where p_prefix is null or starts_with(indicator_id, p_prefix)
)

select * from final;

create or replace macro metrics.indicator_values_at(p_unit, p_dates) as table
select * from metrics.indicator_values_for(p_unit, p_dates, null);

create or replace view metrics.indicator_values as
select * from metrics.indicator_values_at(null, (select list(month_end) from marts.month_ends));
