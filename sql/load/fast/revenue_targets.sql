-- Revenue targets of the SQL read path: a target without a month runs through December
-- (the record-by-record path's row rule). No rule can fail.
-- The parsed placeholder is the query of sql/load/csv_parsed.sql.
select p.* replace (coalesce(p.through_month, 12) as through_month),
       true as fast_ok
from ({{parsed}}) p
