-- metrics.staffing_cells_at(p_unit, p_dates): one row per roll-up unit, as-of date and staffing
-- cell (unit, position_group, specialty) of every unit at or below it, taken from that unit's
-- latest snapshot on or before the date; plus the same unit's latest before-reorganisation
-- (truoc_sap_xep) snapshot as rows with is_before = true. p_unit null: every unit.
-- metrics.staffing_at(p_unit, p_dates): one row per roll-up unit, as-of date, staffing indicator
-- and breakdown ({}, {"specialty"}, {"position_group"}, {"unit_code"}).
-- reads: staging.staffing, marts.unit_tree, staging.units
-- defines: metrics.staffing_cells_at, metrics.staffing_at
create schema if not exists metrics;

create or replace macro metrics.staffing_cells_at(p_unit, p_dates) as table
with
staffing as (
    select * from staging.staffing
),

unit_tree as (
    select * from marts.unit_tree
),

as_of_dates as (
    select distinct unnest(p_dates)::date as as_of
),

units_in_roll_up as (
    select ancestor_code, unit_code
    from unit_tree
    where p_unit is null or ancestor_code = p_unit
),

latest_snapshots as (
    -- a snapshot taken after the as-of date was not known then
    select
        d.as_of,
        s.unit_code,
        max(s.snapshot_date) as snapshot_date,
        max(s.snapshot_date) filter (where s.is_before_reorganisation) as before_snapshot_date,
    from staffing as s
    join as_of_dates as d on s.snapshot_date <= d.as_of
    where s.unit_code in (select unit_code from units_in_roll_up)
    group by d.as_of, s.unit_code
),

cells as (
    select l.as_of, false as is_before, s.*
    from latest_snapshots as l
    join staffing as s on s.unit_code = l.unit_code and s.snapshot_date = l.snapshot_date
    union all
    select l.as_of, true as is_before, s.*
    from latest_snapshots as l
    join staffing as s on s.unit_code = l.unit_code and s.snapshot_date = l.before_snapshot_date
),

final as (
    select
        r.ancestor_code as roll_up_code,
        c.*,
    from cells as c
    join units_in_roll_up as r on r.unit_code = c.unit_code
)

select * from final;

create or replace macro metrics.staffing_at(p_unit, p_dates) as table
with
cells as (
    select * from metrics.staffing_cells_at(p_unit, p_dates)
),

units as (
    select * from staging.units
),

grid as (
    -- every requested unit gets its totals; with no snapshot they are null, not 0
    select unit_code, unnest(p_dates)::date as as_of
    from units
    where p_unit is null or unit_code = p_unit
),

current_cells as (
    select * from cells where not is_before
),

before_actual as (
    select
        roll_up_code,
        as_of,
        case
            when grouping(specialty) = 0 then json_object('specialty', specialty)
            when grouping(position_group) = 0 then json_object('position_group', position_group)
            when grouping(unit_code) = 0 then json_object('unit_code', unit_code)
            else '{}'::json
        end::varchar as dims_key,
        sum(actual) as sum_actual_before,
    from cells
    where is_before
    group by grouping sets ((roll_up_code, as_of), (roll_up_code, as_of, specialty), (roll_up_code, as_of, position_group), (roll_up_code, as_of, unit_code))
),

per_cell_kind as (
    -- surplus in one unit can close a shortage in another only for the same kind of post
    select
        roll_up_code,
        as_of,
        position_group,
        specialty,
        least(sum(surplus), sum(shortage)) as rebalance_potential,
    from current_cells
    group by all
),

rebalance as (
    select
        roll_up_code,
        as_of,
        case
            when grouping(specialty) = 0 then json_object('specialty', specialty)
            when grouping(position_group) = 0 then json_object('position_group', position_group)
            else '{}'::json
        end::varchar as dims_key,
        sum(rebalance_potential) as rebalance_potential,
    from per_cell_kind
    group by grouping sets ((roll_up_code, as_of), (roll_up_code, as_of, specialty), (roll_up_code, as_of, position_group))
),

summed as (
    select
        roll_up_code,
        as_of,
        case
            when grouping(specialty) = 0 then json_object('specialty', specialty)
            when grouping(position_group) = 0 then json_object('position_group', position_group)
            when grouping(unit_code) = 0 then json_object('unit_code', unit_code)
            else '{}'::json
        end::varchar as dims_key,
        sum(quota) as sum_quota,
        sum(actual) as sum_actual,
        sum(net_gap) as sum_net_gap,
        sum(shortage) as sum_shortage,
        sum(surplus) as sum_surplus,
        count(distinct unit_code) filter (where shortage > 0) as count_units_with_shortage,
        count(distinct unit_code) filter (where surplus > 0) as count_units_with_surplus,
        sum(from_old_district) as sum_from_old_district,
        sum(actual) filter (where from_old_district is not null) as sum_actual_reporting_district,
    from current_cells
    group by grouping sets ((roll_up_code, as_of), (roll_up_code, as_of, specialty), (roll_up_code, as_of, position_group), (roll_up_code, as_of, unit_code))
),

with_totals as (
    select
        g.unit_code as roll_up_code,
        g.as_of,
        '{}' as dims_key,
    from grid as g
    union
    select roll_up_code, as_of, dims_key from summed
),

joined as (
    select
        k.roll_up_code as unit_code,
        k.as_of,
        k.dims_key,
        s.*,
        r.rebalance_potential,
        b.sum_actual_before,
    from with_totals as k
    left join summed as s on s.roll_up_code = k.roll_up_code and s.as_of = k.as_of and s.dims_key = k.dims_key
    left join rebalance as r on r.roll_up_code = k.roll_up_code and r.as_of = k.as_of and r.dims_key = k.dims_key
    left join before_actual as b on b.roll_up_code = k.roll_up_code and b.as_of = k.as_of and b.dims_key = k.dims_key
),

unpivoted as (
    select
        unit_code,
        as_of,
        dims_key,
        unnest([
            {'indicator_id': 'staffing.quota', 'value': sum_quota::double},
            {'indicator_id': 'staffing.actual', 'value': sum_actual::double},
            {'indicator_id': 'staffing.net_gap', 'value': sum_net_gap::double},
            {'indicator_id': 'staffing.shortage', 'value': sum_shortage::double},
            {'indicator_id': 'staffing.surplus', 'value': sum_surplus::double},
            {'indicator_id': 'staffing.fill_rate', 'value': sum_actual * 100.0 / nullif(sum_quota, 0)},
            {'indicator_id': 'staffing.units_with_shortage', 'value': count_units_with_shortage::double},
            {'indicator_id': 'staffing.units_with_surplus', 'value': count_units_with_surplus::double},
            {'indicator_id': 'staffing.rebalance_potential', 'value': rebalance_potential::double},
            {'indicator_id': 'staffing.from_old_district_share', 'value': sum_from_old_district * 100.0 / nullif(sum_actual_reporting_district, 0)},
            {'indicator_id': 'staffing.actual_change', 'value': (sum_actual - sum_actual_before)::double}
        ]) as v,
    from joined
),

final as (
    select
        unit_code,
        as_of,
        v.indicator_id as indicator_id,
        dims_key::json as dims,
        v.value::double as value,
    from unpivoted
    -- per commune, moving staff between units is not defined: no rebalance row for {"unit_code"}
    where not (v.indicator_id = 'staffing.rebalance_potential' and dims_key like '{"unit_code"%')
)

select * from final;
