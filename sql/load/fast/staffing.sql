-- Staffing rows of the SQL read path with DatasetCatalog.StaffingRule: fast_ok is true only when
-- the rule surely passes (the old-district and old-commune counts fit within actual); any other
-- row sends the file back to the record-by-record path, which reports it.
-- The parsed placeholder is the query of sql/load/csv_parsed.sql.
select p.*,
       coalesce(p.from_old_district, 0) <= p.actual
       and coalesce(p.from_old_commune, 0) <= p.actual
       and coalesce(p.from_old_district, 0) + coalesce(p.from_old_commune, 0) <= p.actual as fast_ok
from ({{parsed}}) p
