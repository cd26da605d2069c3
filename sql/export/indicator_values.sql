-- indicator_values: metrics.indicator_values (every unit, month end, indicator and breakdown) by
-- the unit's province and the as-of year; dims kept as JSON text so any engine reads it.
copy (
    select
        v.unit_code, v.as_of, v.indicator_id, v.dims::varchar as dims, v.value, v.unit, v.status,
        coalesce(p.province, '_none') as province, year(v.as_of) as year,
    from metrics.indicator_values as v
    left join unit_province() as p using (unit_code)
    order by v.unit_code, v.as_of, v.indicator_id
) to '{lake}/indicator_values' (format parquet, partition_by (province, year), compression zstd);
