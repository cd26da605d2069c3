-- The data dictionary's columns of every table and view, in declared order.
select schema_name, table_name, column_name, data_type, comment, is_nullable
from duckdb_columns()
where not internal and schema_name not in ('information_schema', 'pg_catalog')
order by schema_name, table_name, column_index
