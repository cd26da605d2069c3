-- Task updates of the SQL read path with DatasetCatalog.TaskUpdateRule: a completed date exactly
-- when the status is hoan_thanh, and never after the report date. fast_ok is false when the rule
-- fails (the file then takes the record-by-record path, which reports it).
-- The parsed placeholder is the query of sql/load/csv_parsed.sql.
select p.*,
       case when p.status = 'hoan_thanh' then p.completed_date is not null and p.completed_date <= p.report_date
            else p.completed_date is null end as fast_ok
from ({{parsed}}) p
