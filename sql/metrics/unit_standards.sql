-- metrics.units_at(p_unit, p_dates): one row per roll-up unit, as-of date, unit-standard indicator
-- and breakdown ({} and {"criterion"}): units.below_standard (communes of the roll-up below at least
-- one minimum), units.standard_unassessed (communes lacking a figure a standard asks for) and, for a
-- commune itself, units.pct_of_standard per criterion (figure ÷ minimum × 100, NULL without the
-- figure). A unit whose roll-up holds no commune with an applicable standard has no row (no basis:
-- indicator_values_for gives its totals as NULL). Units carry no dates: every as-of date gives the
-- same values. p_unit null: every unit.
-- metrics.unit_standard_checks_in(p_unit): every check (commune, criterion) of the roll-up.
-- metrics.units_below_standard_list(p_unit): the list units.below_standard_list, each shortfall
-- (commune, criterion, figure, minimum, %, source), the commune furthest below first.
-- reads: marts.unit_standard_checks, marts.unit_tree
-- defines: metrics.units_at, metrics.unit_standard_checks_in, metrics.units_below_standard_list
create schema if not exists metrics;

create or replace macro metrics.unit_standard_checks_in(p_unit) as table
select c.*
from marts.unit_standard_checks as c
where p_unit is null
   or c.unit_code in (select unit_code from marts.unit_tree where ancestor_code = p_unit);

create or replace macro metrics.units_below_standard_list(p_unit) as table
select * exclude (lowest_pct)
from (
    select *, min(pct_of_standard) over (partition by unit_code) as lowest_pct
    from metrics.unit_standard_checks_in(p_unit)
    where is_below
)
order by lowest_pct, unit_code, criterion;

create or replace macro metrics.units_at(p_unit, p_dates) as table
with
checks as (
    select * from marts.unit_standard_checks
),

unit_tree as (
    select * from marts.unit_tree
),

as_of_dates as (
    select distinct unnest(p_dates)::date as as_of
),

in_roll_up as (
    select t.ancestor_code as roll_up_code, t.distance, c.*
    from checks as c
    join unit_tree as t on t.unit_code = c.unit_code
    where p_unit is null or t.ancestor_code = p_unit
),

counts as (
    select
        roll_up_code,
        case when grouping(criterion) = 0 then json_object('criterion', criterion) else '{}'::json end::varchar as dims_key,
        count(distinct unit_code) filter (where is_below) as count_below,
        count(distinct unit_code) filter (where figure is null) as count_unassessed,
        count(*) filter (where figure is not null) as count_assessed_checks,
    from in_roll_up
    group by grouping sets ((roll_up_code), (roll_up_code, criterion))
),

count_values as (
    select
        roll_up_code as unit_code,
        dims_key,
        unnest([
            -- no figure to compare anywhere in the roll-up: no basis, not 0
            {'indicator_id': 'units.below_standard', 'value': case when count_assessed_checks > 0 then count_below::double end},
            {'indicator_id': 'units.standard_unassessed', 'value': count_unassessed::double}
        ]) as v,
    from counts
),

own_values as (
    select
        unit_code,
        json_object('criterion', criterion)::varchar as dims_key,
        {'indicator_id': 'units.pct_of_standard', 'value': pct_of_standard} as v,
    from in_roll_up
    where distance = 0
),

final as (
    select
        x.unit_code,
        d.as_of,
        x.v.indicator_id as indicator_id,
        x.dims_key::json as dims,
        x.v.value::double as value,
    from (select * from count_values union all select * from own_values) as x
    cross join as_of_dates as d
)

select * from final;
