-- Classifies each staged row against the raw table by its natural key and content hash:
-- inserted (new key), unchanged (same content), replaced (a corrected resubmission).
-- {{row_hash}}: the content hash expression; {{key_join}}: h.key = r.key for every key column.
create or replace temp table staged as
with hashed as (
    select s.*, {{row_hash}} as row_hash
    from stage s
)
select h.*,
       case when r.row_hash is null then 'inserted'
            when r.row_hash = h.row_hash then 'unchanged'
            else 'replaced' end as change
from hashed h
left join raw.{{table}} r on {{key_join}};
