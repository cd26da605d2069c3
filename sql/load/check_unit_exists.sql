-- Every unit_code of the file must be a unit of the warehouse (units load first in a folder).
select s.source_line,
       'unit_code' as column_name,
       s.unit_code as value,
       'mã đơn vị không có trong danh mục đơn vị' as reason_vi,
       'unit_code is not a known unit' as reason_en
from stage s
where not exists (select 1 from raw.units u where u.unit_code = s.unit_code)
