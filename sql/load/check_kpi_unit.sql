-- A KPI target names a unit of the warehouse, or '*' for every unit.
select s.source_line,
       'unit_code' as column_name,
       s.unit_code as value,
       'mã đơn vị không có trong danh mục đơn vị (dùng * cho mọi đơn vị)' as reason_vi,
       'unit_code is not a known unit (use * for every unit)' as reason_en
from stage s
where s.unit_code <> '*'
  and not exists (select 1 from raw.units u where u.unit_code = s.unit_code)
