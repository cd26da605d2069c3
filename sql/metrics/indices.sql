-- metrics.indices_at(p_unit, p_dates): one row per unit, as-of date, published-index indicator
-- (par_index.*, sipas.*, pci.*: the lower-cased index code is the prefix) and breakdown
-- ({} or {"component"}). Year Y is the latest year ≤ the as-of year with a TOTAL row for the
-- unit; only the unit's own published rows count (no roll-up). p_unit null: every unit.
-- reads: staging.admin_indices
-- defines: metrics.indices_at
create schema if not exists metrics;

create or replace macro metrics.indices_at(p_unit, p_dates) as table
with
admin_indices as (
    select * from staging.admin_indices
),

as_of_dates as (
    select distinct unnest(p_dates)::date as as_of
),

totals as (
    select * from admin_indices where is_total
),

chosen_years as (
    -- an index year after the as-of year was not published then
    select
        d.as_of,
        t.unit_code,
        t.index_code,
        t.indicator_prefix,
        max(t.year) as year,
    from totals as t
    join as_of_dates as d on t.year <= year(d.as_of)
    where p_unit is null or t.unit_code = p_unit
    group by all
),

leaders as (
    -- the rank-1 unit's score of each index and year (ties: the higher score)
    select index_code, year, max(score) as top_score
    from totals
    where rank = 1
    group by all
),

scored as (
    select
        y.as_of,
        y.unit_code,
        y.indicator_prefix,
        cur.score,
        cur.rank,
        cur.score - prev.score as score_change,
        prev.rank - cur.rank as rank_change,
        l.top_score - cur.score as gap_to_top,
    from chosen_years as y
    join totals as cur on cur.index_code = y.index_code and cur.unit_code = y.unit_code and cur.year = y.year
    left join totals as prev on prev.index_code = y.index_code and prev.unit_code = y.unit_code and prev.year = y.year - 1
    left join leaders as l on l.index_code = y.index_code and l.year = y.year
),

components as (
    select
        y.as_of,
        y.unit_code,
        y.indicator_prefix,
        c.component,
        c.score_pct,
    from chosen_years as y
    join admin_indices as c on c.index_code = y.index_code and c.unit_code = y.unit_code and c.year = y.year
    where not c.is_total
),

weakest as (
    select
        as_of,
        unit_code,
        indicator_prefix,
        arg_min(component, (score_pct, component)) as component,
        min(score_pct) as score_pct,
    from components
    where score_pct is not null
    group by all
),

totals_unpivoted as (
    select
        as_of,
        unit_code,
        indicator_prefix,
        unnest([
            {'indicator': 'score', 'value': score::double},
            {'indicator': 'rank', 'value': rank::double},
            {'indicator': 'score_change', 'value': score_change::double},
            {'indicator': 'rank_change', 'value': rank_change::double},
            {'indicator': 'gap_to_top', 'value': gap_to_top::double}
        ]) as v,
    from scored
),

final as (
    select
        unit_code,
        as_of,
        indicator_prefix || '.' || v.indicator as indicator_id,
        '{}'::json as dims,
        v.value as value,
    from totals_unpivoted
    union all
    select
        unit_code,
        as_of,
        indicator_prefix || '.component_pct' as indicator_id,
        json_object('component', component) as dims,
        score_pct as value,
    from components
    union all
    select
        unit_code,
        as_of,
        indicator_prefix || '.weakest_component' as indicator_id,
        json_object('component', component) as dims,
        score_pct as value,
    from weakest
)

select * from final;
