-- units: staging.units, one folder per province (no time axis).
copy (
    select u.*, coalesce(p.province, '_none') as province
    from staging.units as u
    left join unit_province() as p using (unit_code)
    order by u.unit_code
) to '{lake}/units' (format parquet, partition_by (province), compression zstd);
