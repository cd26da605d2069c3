-- marts.unit_tree: one row per (ancestor, descendant) pair of the unit tree, every unit paired
-- with itself at distance 0; a unit's tasks and staffing roll up to each of its ancestors.
-- reads: staging.units
-- defines: marts.unit_tree
create schema if not exists marts;

create or replace view marts.unit_tree as
with recursive
units as (
    select * from staging.units
),

walk as (
    select
        unit_code as ancestor_code,
        unit_code,
        0 as distance,
    from units
    union all
    select
        p.parent_code as ancestor_code,
        w.unit_code,
        w.distance + 1 as distance,
    from walk as w
    join units as p on p.unit_code = w.ancestor_code
    where p.parent_code is not null
      and w.distance < 32   -- a guard: the loader refuses cycles, this keeps a bad row from looping
),

final as (
    select distinct ancestor_code, unit_code, distance from walk
)

select * from final;
