-- The parsed values of each record of csv_cells: each column's distinct cell texts were parsed
-- once in C# (ValueParser, the very parser of the record-by-record path) into a temp table
-- cell_values_N (raw, value); joined back here by text. A record's line is its position after the
-- header: the SQL path runs only when the file has exactly one line per record (CsvFileScan).
-- Placeholders: values ("vN.value as column" per dataset column), joins (one per file column read).
select (c.rowid + 2)::integer as source_line,
       {{values}}
from csv_cells c
{{joins}}
