-- month_ends: metrics.month_ends, small, one unpartitioned file.
copy (select * from metrics.month_ends order by all) to '{lake}/month_ends/month_ends.parquet' (format parquet, compression zstd);
