-- Units of the SQL read path with DatasetCatalog.UnitRule: a commune, ward, special zone, agency or
-- party committee names its parent, and no unit is its own parent. fast_ok is false when a rule
-- fails, and when a region is not already written as its code (mien_nui): only the row rule folds
-- "Miền núi" to that code, so such a file takes the record-by-record path.
-- The parsed placeholder is the query of sql/load/csv_parsed.sql.
select p.*,
       not (p.unit_type in ('xa', 'phuong', 'dac_khu', 'co_quan', 'dang_uy') and p.parent_code is null)
       and coalesce(p.parent_code <> p.unit_code, true)
       and coalesce(regexp_full_match(p.region, '[a-z0-9]+(_[a-z0-9]+)*'), true) as fast_ok
from ({{parsed}}) p
