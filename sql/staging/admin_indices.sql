-- staging.admin_indices: one row per published index score (year, index, unit, component);
-- the indicator prefix is the lower-cased index code (PAR_INDEX -> par_index).
-- reads: raw.admin_indices
-- defines: staging.admin_indices
create schema if not exists staging;

create or replace view staging.admin_indices as
with
source as (
    select * from raw.admin_indices
),

renamed as (
    select
        year,
        index_code,
        lower(index_code) as indicator_prefix,
        unit_code,
        component,
        component = 'TOTAL' as is_total,
        score,
        max_score,
        rank,
        rank_of,
        case when max_score > 0 then score / max_score * 100 end as score_pct,
        source,
        load_id,
    from source
),

final as (
    select * from renamed
)

select * from final;
