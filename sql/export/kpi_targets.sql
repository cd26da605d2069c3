-- kpi_targets: staging.kpi_targets, small, one unpartitioned file.
copy (select * from staging.kpi_targets order by all) to '{lake}/kpi_targets/kpi_targets.parquet' (format parquet, compression zstd);
