-- A unit-scoped loader (a commune's token) writes only rows of its unit and the units below it, as the
-- warehouse's units place them. {{scope}}: the token's unit code, quoted.
with recursive scope(unit_code) as (
    select {{scope}}
    union
    select u.unit_code from raw.units u join scope c on u.parent_code = c.unit_code
)
select s.source_line,
       'unit_code' as column_name,
       s.unit_code as value,
       'đơn vị ' || s.unit_code || ' nằm ngoài phạm vi của mã truy cập (đơn vị ' || {{scope}} || ' và các đơn vị trực thuộc)' as reason_vi,
       'unit ' || s.unit_code || ' is outside the access token''s scope (unit ' || {{scope}} || ' and the units below it)' as reason_en
from stage s
where not exists (select 1 from scope c where c.unit_code = s.unit_code)
