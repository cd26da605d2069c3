-- The SQL read path (src/Etl/Loading/SqlCsvStage.cs): every cell of a CSV file as text, in file
-- order, read by DuckDB instead of record by record in C#. The header line is skipped; the cells
-- are named c0, c1, … by file column. Strict: a line with too few or too many cells, a broken quote
-- or invalid UTF-8 is an error, on which the loader falls back to the record-by-record path (which
-- reports it with its line). Placeholders: path and delim (quoted literals), columns (a struct).
create or replace temp table csv_cells as
select *
from read_csv({{path}}, delim = {{delim}}, quote = '"', escape = '"', header = true,
              columns = {{columns}}, auto_detect = false, strict_mode = true, null_padding = false,
              all_varchar = true);
