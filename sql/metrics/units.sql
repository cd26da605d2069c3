-- metrics.units: one row per unit of the tree (code, name, type, parent, cluster), for analysts and
-- for unit pickers.
-- metrics.month_ends: one row per month-end date present in the data.
-- reads: staging.units, marts.month_ends
-- defines: metrics.units, metrics.month_ends
create schema if not exists metrics;

create or replace view metrics.units as
with
units as (
    select * from staging.units
),

final as (
    select
        unit_code,
        unit_name,
        unit_type,
        parent_code,
        cluster,
    from units
)

select * from final;

create or replace view metrics.month_ends as
select * from marts.month_ends;
