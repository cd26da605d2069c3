-- A unit-scoped loader writes only tasks led by its unit or a unit below it, and never replaces a task
-- the warehouse has as led from outside. {{scope}}: the token's unit code, quoted.
with recursive scope(unit_code) as (
    select {{scope}}
    union
    select u.unit_code from raw.units u join scope c on u.parent_code = c.unit_code
)
select s.source_line,
       'lead_unit' as column_name,
       s.lead_unit as value,
       'nhiệm vụ do đơn vị ' || s.lead_unit || ' chủ trì nằm ngoài phạm vi của mã truy cập (đơn vị ' || {{scope}} || ' và các đơn vị trực thuộc)' as reason_vi,
       'the task''s lead unit ' || s.lead_unit || ' is outside the access token''s scope (unit ' || {{scope}} || ' and the units below it)' as reason_en
from stage s
where not exists (select 1 from scope c where c.unit_code = s.lead_unit)
union all
select s.source_line,
       'task_id' as column_name,
       s.task_id as value,
       'nhiệm vụ ' || s.task_id || ' trong kho dữ liệu do đơn vị ' || t.lead_unit || ' chủ trì, ngoài phạm vi của mã truy cập' as reason_vi,
       'task ' || s.task_id || ' is led in the warehouse by unit ' || t.lead_unit || ', outside the access token''s scope' as reason_en
from stage s
join raw.tasks t on t.task_id = s.task_id
where not exists (select 1 from scope c where c.unit_code = t.lead_unit)
