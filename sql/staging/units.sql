-- staging.units: one row per unit (tỉnh, xã, phường, sở ...) as loaded, with its place in the tree.
-- reads: raw.units
-- defines: staging.units
create schema if not exists staging;

create or replace view staging.units as
with
source as (
    select * from raw.units
),

renamed as (
    select
        unit_code,
        unit_name,
        unit_type,
        nullif(trim(parent_code), '') as parent_code,
        population,
        area_km2,
        established as established_date,
        former_units,
        nullif(trim(cluster), '') as cluster,
        region,
        unit_type in ('tinh', 'thanh_pho') as is_province,
        unit_type in ('xa', 'phuong', 'dac_khu') as is_commune,
        load_id,
    from source
),

final as (
    select * from renamed
)

select * from final;
