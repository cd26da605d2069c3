-- staffing: staging.staffing (one row per snapshot, unit and cell) by province and snapshot year.
copy (
    select s.*, coalesce(p.province, '_none') as province, year(s.snapshot_date) as year
    from staging.staffing as s
    left join unit_province() as p using (unit_code)
    order by s.unit_code, s.snapshot_date
) to '{lake}/staffing' (format parquet, partition_by (province, year), compression zstd);
