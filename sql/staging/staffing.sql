-- staging.staffing: one row per staffing cell (unit, position_group, specialty) per snapshot date,
-- with the cell's own shortage and surplus (a surplus in one cell never fills another).
-- reads: raw.staffing
-- defines: staging.staffing
create schema if not exists staging;

create or replace view staging.staffing as
with
source as (
    select * from raw.staffing
),

renamed as (
    select
        snapshot_date,
        phase,
        unit_code,
        position_group,
        specialty,
        quota,
        actual,
        from_old_district,
        from_old_commune,
        actual - quota as net_gap,
        greatest(quota - actual, 0) as shortage,
        greatest(actual - quota, 0) as surplus,
        phase = 'truoc_sap_xep' as is_before_reorganisation,
        load_id,
    from source
),

final as (
    select * from renamed
)

select * from final;
