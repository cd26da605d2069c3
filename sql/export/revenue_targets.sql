-- revenue_targets: staging.revenue_targets by province and its own year column.
copy (
    select x.*, coalesce(p.province, '_none') as province
    from staging.revenue_targets as x
    left join unit_province() as p using (unit_code)
    order by all
) to '{lake}/revenue_targets' (format parquet, partition_by (province, year), compression zstd);
