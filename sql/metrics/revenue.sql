-- metrics.revenue_ytd_at(p_unit, p_dates): one row per unit, as-of date, revenue category and year
-- (the as-of year Y and Y − 1) with the year-to-date sum of months 1..M (M the as-of month), NULL
-- unless every month 1..M is complete, and the months that are not. A month of a parent with no
-- row of its own is complete when every child the unit reports that year (in months 1..M) has a
-- complete month. Only the unit's own rows (no roll-up). p_unit null: every unit.
-- metrics.revenue_at(p_unit, p_dates): one row per unit, as-of date, revenue indicator and
-- breakdown ({"category"}, {"category", "target_kind"}, {} for the domestic share).
-- metrics.revenue_gaps_at(p_unit, p_date): one row per category and year whose year-to-date is
-- NULL at p_date, naming the missing months.
-- reads: staging.revenue, staging.revenue_categories, staging.revenue_targets
-- defines: metrics.revenue_ytd_at, metrics.revenue_at, metrics.revenue_gaps_at
create schema if not exists metrics;

create or replace macro metrics.revenue_ytd_at(p_unit, p_dates) as table
with
revenue as (
    select * from staging.revenue
),

categories as (
    select * from staging.revenue_categories
),

as_of_dates as (
    select distinct unnest(p_dates)::date as as_of
),

months_in_window as (
    -- months after the as-of month were not known then; last year only up to the same month
    select
        d.as_of,
        r.*,
        c.depth,
        c.parent_category,
    from revenue as r
    join as_of_dates as d
      on r.year in (year(d.as_of), year(d.as_of) - 1) and r.month <= month(d.as_of)
    join categories as c on c.category = r.category
    where p_unit is null or r.unit_code = p_unit
),

reported_children as (
    -- the children a parent is summed from: those the unit reports in that year's window
    select as_of, unit_code, year, parent_category as category, count(distinct category) as count_children
    from months_in_window
    where parent_category is not null
    group by all
),

depth_2 as (
    select *, true as is_complete from months_in_window where depth = 2
),

depth_1 as (
    select
        w.*,
        not w.is_derived or len(w.child_categories) = rc.count_children as is_complete,
    from months_in_window as w
    left join reported_children as rc
      on rc.as_of = w.as_of and rc.unit_code = w.unit_code and rc.year = w.year and rc.category = w.category
    where w.depth = 1
),

complete_depth_1_children as (
    select as_of, unit_code, year, month, parent_category as category, count(*) as count_complete
    from depth_1
    where is_complete
    group by all
),

depth_0 as (
    select
        w.*,
        not w.is_derived or coalesce(cc.count_complete, 0) = rc.count_children as is_complete,
    from months_in_window as w
    left join reported_children as rc
      on rc.as_of = w.as_of and rc.unit_code = w.unit_code and rc.year = w.year and rc.category = w.category
    left join complete_depth_1_children as cc
      on cc.as_of = w.as_of and cc.unit_code = w.unit_code and cc.year = w.year and cc.month = w.month and cc.category = w.category
    where w.depth = 0
),

all_months as (
    select as_of, unit_code, year, month, category, amount_bn_vnd, is_estimate, is_complete from depth_2
    union all
    select as_of, unit_code, year, month, category, amount_bn_vnd, is_estimate, is_complete from depth_1
    union all
    select as_of, unit_code, year, month, category, amount_bn_vnd, is_estimate, is_complete from depth_0
),

category_keys as (
    select distinct as_of, unit_code, category from all_months
),

category_years as (
    select *, year(as_of) as year from category_keys
    union all
    select *, year(as_of) - 1 as year from category_keys
),

summed as (
    select
        as_of,
        unit_code,
        year,
        category,
        sum(amount_bn_vnd) as sum_amount,
        list(distinct month) filter (where is_complete) as complete_months,
        count(*) as count_rows,
        bool_or(is_estimate) as has_estimate,
    from all_months
    group by all
),

final as (
    select
        k.unit_code,
        k.as_of,
        k.category,
        k.year::integer as year,
        month(k.as_of) as through_month,
        case when len(list_filter(range(1, month(k.as_of) + 1), lambda m: not list_contains(coalesce(s.complete_months, []), m))) = 0
             then s.sum_amount end as ytd_bn_vnd,
        list_filter(range(1, month(k.as_of) + 1), lambda m: not list_contains(coalesce(s.complete_months, []), m))::integer[] as missing_months,
        coalesce(s.count_rows, 0) as count_rows,
        coalesce(s.has_estimate, false) as has_estimate,
    from category_years as k
    left join summed as s
      on s.as_of = k.as_of and s.unit_code = k.unit_code and s.year = k.year and s.category = k.category
)

select * from final;

create or replace macro metrics.revenue_at(p_unit, p_dates) as table
with
ytd as (
    select * from metrics.revenue_ytd_at(p_unit, p_dates)
),

revenue_targets as (
    select * from staging.revenue_targets
),

this_year as (
    select * from ytd where year = year(as_of)
),

by_category as (
    select
        cur.unit_code,
        cur.as_of,
        cur.category,
        cur.ytd_bn_vnd,
        cur.ytd_bn_vnd * 100.0 / nullif(prev.ytd_bn_vnd, 0) as yoy_ratio,
    from this_year as cur
    left join ytd as prev
      on prev.unit_code = cur.unit_code and prev.as_of = cur.as_of and prev.category = cur.category
     and prev.year = year(cur.as_of) - 1
),

as_of_dates as (
    select distinct unnest(p_dates)::date as as_of
),

against_targets as (
    -- every target of the as-of year gets a row; without a complete year-to-date its value is null
    select
        t.unit_code,
        d.as_of,
        t.category,
        t.target_kind,
        t.through_month,
        y.ytd_bn_vnd * 100.0 / nullif(t.amount_bn_vnd, 0) as pct_of_target,
    from revenue_targets as t
    join as_of_dates as d
      on t.year = year(d.as_of) and (t.through_month = 12 or t.through_month = month(d.as_of))
    left join this_year as y
      on y.unit_code = t.unit_code and y.as_of = d.as_of and y.category = t.category
    where p_unit is null or t.unit_code = p_unit
),

domestic_share as (
    select
        d.unit_code,
        d.as_of,
        d.ytd_bn_vnd * 100.0 / nullif(t.ytd_bn_vnd, 0) as domestic_share,
    from this_year as d
    join this_year as t on t.unit_code = d.unit_code and t.as_of = d.as_of and t.category = 'tong_thu'
    where d.category = 'thu_noi_dia'
),

final as (
    select unit_code, as_of, 'revenue.ytd' as indicator_id, json_object('category', category) as dims, ytd_bn_vnd::double as value
    from by_category
    union all
    select unit_code, as_of, 'revenue.yoy_ratio', json_object('category', category), yoy_ratio::double
    from by_category
    union all
    select unit_code, as_of, 'revenue.yoy_growth', json_object('category', category), (yoy_ratio - 100)::double
    from by_category
    union all
    select unit_code, as_of, 'revenue.pct_of_annual_target', json_object('category', category, 'target_kind', target_kind), pct_of_target::double
    from against_targets where through_month = 12
    union all
    select unit_code, as_of, 'revenue.pct_of_period_target', json_object('category', category, 'target_kind', target_kind), pct_of_target::double
    from against_targets where through_month = month(as_of)
    union all
    select unit_code, as_of, 'revenue.domestic_share', '{}'::json, domestic_share::double
    from domestic_share
)

select * from final;

create or replace macro metrics.revenue_gaps_at(p_unit, p_date) as table
with
ytd as (
    select * from metrics.revenue_ytd_at(p_unit, [p_date::date])
),

final as (
    -- this year: every category the unit reports (this year or last); last year: only where
    -- some month was given (no data at all is no basis, not a gap)
    select unit_code, category, year, missing_months
    from ytd
    where len(missing_months) > 0
      and (year = year(as_of) or count_rows > 0)
    order by unit_code, year desc, category
)

select * from final;
