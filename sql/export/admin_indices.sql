-- admin_indices: staging.admin_indices by province and its own year column.
copy (
    select x.*, coalesce(p.province, '_none') as province
    from staging.admin_indices as x
    left join unit_province() as p using (unit_code)
    order by all
) to '{lake}/admin_indices' (format parquet, partition_by (province, year), compression zstd);
