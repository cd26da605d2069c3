-- Revenue of the SQL read path with DatasetCatalog.RevenueRule: year and month come from the
-- period; a negative month is loaded with a warning by the record-by-record path, so such a file
-- takes that path (fast_ok false) to keep its warnings.
-- The parsed placeholder is the query of sql/load/csv_parsed.sql.
select p.* exclude (period),
       year(p.period)::bigint as year,
       month(p.period)::bigint as month,
       p.amount_bn_vnd >= 0 as fast_ok
from ({{parsed}}) p
