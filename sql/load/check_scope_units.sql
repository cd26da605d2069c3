-- A unit-scoped loader never changes the units list: renaming or re-parenting a unit would move what
-- every token may see. Every row of a units file is refused. {{scope}}: the token's unit code, quoted.
select s.source_line,
       'unit_code' as column_name,
       s.unit_code as value,
       'mã truy cập giới hạn ở đơn vị ' || {{scope}} || ' không được thay đổi danh mục đơn vị' as reason_vi,
       'a token limited to unit ' || {{scope}} || ' may not change the units list' as reason_en
from stage s
