-- Writes the new and corrected rows of one file into its raw table, with their lineage;
-- unchanged rows keep the load that first wrote them. {{or_replace}} is 'or replace' when some
-- rows replace existing keys, else empty (a plain insert is much cheaper on the key index).
-- Rows go in key order: the key index is built about a third faster than from file order.
insert {{or_replace}} into raw.{{table}} ({{columns}}, row_hash, load_id, source_line, source_sheet)
select {{columns}}, row_hash, $load_id, source_line, $sheet
from staged
where change <> 'unchanged'
order by {{key}};
