-- The staging table of one file: the raw table's columns without lineage and constraints,
-- then the line (CSV) or row (XLSX) each record came from. {{table}} is the raw table.
create or replace temp table stage as
select * exclude (row_hash, load_id, source_line, source_sheet),
       0::integer as source_line
from raw.{{table}}
limit 0;
