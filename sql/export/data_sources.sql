-- data_sources: metrics.data_sources, small, one unpartitioned file.
copy (select * from metrics.data_sources order by all) to '{lake}/data_sources/data_sources.parquet' (format parquet, compression zstd);
