-- Tasks: the lead unit and every supporting unit must be units of the warehouse.
select s.source_line,
       'lead_unit' as column_name,
       s.lead_unit as value,
       'đơn vị chủ trì không có trong danh mục đơn vị' as reason_vi,
       'lead_unit is not a known unit' as reason_en
from stage s
where not exists (select 1 from raw.units u where u.unit_code = s.lead_unit)
union all
select x.source_line,
       'support_units' as column_name,
       x.code as value,
       'đơn vị phối hợp ' || x.code || ' không có trong danh mục đơn vị' as reason_vi,
       'supporting unit ' || x.code || ' is not a known unit' as reason_en
from (select source_line, unnest(string_split(support_units, ';')) as code from stage where support_units is not null) x
where not exists (select 1 from raw.units u where u.unit_code = x.code)
