-- unit_tree: marts.unit_tree, small, one unpartitioned file.
copy (select * from marts.unit_tree order by all) to '{lake}/unit_tree/unit_tree.parquet' (format parquet, compression zstd);
