-- grdp: staging.grdp by province and its own year column.
copy (
    select x.*, coalesce(p.province, '_none') as province
    from staging.grdp as x
    left join unit_province() as p using (unit_code)
    order by all
) to '{lake}/grdp' (format parquet, partition_by (province, year), compression zstd);
