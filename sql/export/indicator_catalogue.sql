-- indicator_catalogue: metrics.indicator_catalogue, small, one unpartitioned file.
copy (select * from metrics.indicator_catalogue order by all) to '{lake}/indicator_catalogue/indicator_catalogue.parquet' (format parquet, compression zstd);
