-- staging.revenue: one row per unit, month and revenue category, including parents the file did
-- not give: a parent with no row of its own is the sum of its children that month (bottom-up
-- through the tree). Whether such a month is complete is judged at an as-of date in metrics.
-- reads: raw.revenue, staging.revenue_categories
-- defines: staging.revenue
create schema if not exists staging;

create or replace view staging.revenue as
with
source as (
    select * from raw.revenue
),

categories as (
    select * from staging.revenue_categories
),

given as (
    select
        s.unit_code,
        s.year,
        s.month,
        s.category,
        s.amount_bn_vnd,
        coalesce(s.is_estimate, false) as is_estimate,
        false as is_derived,
        []::varchar[] as child_categories,
    from source as s
),

derived_depth_1 as (
    select
        g.unit_code,
        g.year,
        g.month,
        c.parent_category as category,
        sum(g.amount_bn_vnd) as amount_bn_vnd,
        bool_or(g.is_estimate) as is_estimate,
        true as is_derived,
        list(g.category order by g.category) as child_categories,
    from given as g
    join categories as c on c.category = g.category and c.depth = 2
    where not exists (
        select 1 from given as p
        where p.unit_code = g.unit_code and p.year = g.year and p.month = g.month
          and p.category = c.parent_category
    )
    group by all
),

depth_1 as (
    select g.* from given as g join categories as c on c.category = g.category and c.depth = 1
    union all
    select * from derived_depth_1
),

derived_depth_0 as (
    select
        d.unit_code,
        d.year,
        d.month,
        c.parent_category as category,
        sum(d.amount_bn_vnd) as amount_bn_vnd,
        bool_or(d.is_estimate) as is_estimate,
        true as is_derived,
        list(d.category order by d.category) as child_categories,
    from depth_1 as d
    join categories as c on c.category = d.category
    where not exists (
        select 1 from given as p
        where p.unit_code = d.unit_code and p.year = d.year and p.month = d.month
          and p.category = c.parent_category
    )
    group by all
),

final as (
    select * from given
    union all
    select * from derived_depth_1
    union all
    select * from derived_depth_0
)

select * from final;
