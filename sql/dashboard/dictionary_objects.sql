-- The data dictionary's objects: every table and view an analyst can query, with its comment
-- and, for tables, the primary key that states its grain. Read by src/Dashboard (not a model file).
select o.schema_name, o.name, o.kind, o.comment,
       (select string_agg(k.col, ', ' order by k.pos)
          from duckdb_constraints() c, unnest(c.constraint_column_names) with ordinality as k(col, pos)
         where c.schema_name = o.schema_name and c.table_name = o.name and c.constraint_type = 'PRIMARY KEY') as grain_key
from (
    select schema_name, table_name as name, 'table' as kind, comment from duckdb_tables() where not temporary
    union all
    select schema_name, view_name, 'view', comment from duckdb_views() where not internal and not temporary
) o
where o.schema_name not in ('information_schema', 'pg_catalog')
order by case o.schema_name when 'metrics' then 0 when 'marts' then 1 when 'staging' then 2 when 'raw' then 3 else 4 end,
         o.schema_name, o.name
