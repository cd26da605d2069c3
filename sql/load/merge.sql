-- Writes the new and corrected rows of one file into its raw table, with their lineage;
-- unchanged rows keep the load that first wrote them.
insert or replace into raw.{{table}} ({{columns}}, row_hash, load_id, source_line, source_sheet)
select {{columns}}, row_hash, $load_id, source_line, $sheet
from staged
where change <> 'unchanged';
