-- marts.unit_standard_checks: one row per commune-level unit (xa, phuong, dac_khu) and criterion
-- that a standard applies to: the unit's own figure, the minimum, the standard's source, the
-- figure as a percentage of the minimum and whether it falls short. The figure is NULL where the
-- units file left it empty, and then so are pct_of_standard and is_below (not assessed, never 0).
-- Which standard applies (docs/contracts/unit_standards.md): the rows of the unit's own type and
-- the criterion; the row of the unit's region wins over the every-region row, criterion by
-- criterion. A unit with no region, or a region no row names, takes the every-region row; a unit
-- type or criterion with no row at all is not judged (no row here).
-- Criteria are the numeric columns of units (DatasetCatalog.UnitStandards takes its criterion
-- values from them; a test checks each one appears here).
-- reads: staging.units, staging.unit_standards
-- defines: marts.unit_standard_checks
create schema if not exists marts;

create or replace view marts.unit_standard_checks as
with
units as (
    select * from staging.units where is_commune
),

standards as (
    select * from staging.unit_standards
),

figures as (
    select unit_code, unit_name, unit_type, region, criterion, figure
    from (
        select unit_code, unit_name, unit_type, region,
               population::double as population,
               area_km2::double as area_km2,
        from units
    ) unpivot include nulls (figure for criterion in (population, area_km2))
),

applicable as (
    select
        f.*,
        coalesce(own.minimum, every_region.minimum) as minimum,
        coalesce(own.source, every_region.source) as source,
        own.region as standard_region,
        coalesce(own.load_id, every_region.load_id) as standard_load_id,
    from figures as f
    left join standards as own
      on own.unit_type = f.unit_type and own.criterion = f.criterion and own.region = f.region
    left join standards as every_region
      on every_region.unit_type = f.unit_type and every_region.criterion = f.criterion and every_region.is_every_region
),

final as (
    select
        unit_code,
        unit_name,
        unit_type,
        region,
        criterion,
        figure,
        minimum,
        figure * 100.0 / minimum as pct_of_standard,
        figure < minimum as is_below,
        minimum - figure as shortfall,
        standard_region,
        source,
        standard_load_id,
    from applicable
    where minimum is not null
)

select * from final;
