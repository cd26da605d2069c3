-- Doctor: references between raw tables (the loader's checks, re-run over the whole warehouse).
with recursive walk as (
    select u.unit_code as start, u.parent_code as code, [u.unit_code] as path
    from raw.units u
    where u.parent_code is not null
    union all
    select w.start, u.parent_code, list_append(w.path, w.code)
    from walk w
    join raw.units u on u.unit_code = w.code
    where w.code <> w.start
      and not list_contains(w.path, w.code)
      and u.parent_code is not null
),
unit_refs as (
    select 'raw.staffing' as tbl, unit_code from raw.staffing
    union all select 'raw.admin_indices', unit_code from raw.admin_indices
    union all select 'raw.revenue', unit_code from raw.revenue
    union all select 'raw.revenue_targets', unit_code from raw.revenue_targets
    union all select 'raw.grdp', unit_code from raw.grdp
    union all select 'raw.kpi_targets', unit_code from raw.kpi_targets where unit_code <> '*'
    union all select 'raw.tasks (lead_unit)', lead_unit from raw.tasks
    union all select 'raw.tasks (support_units)', trim(s) from raw.tasks, unnest(string_split(support_units, ';')) as t(s)
        where support_units is not null and trim(s) <> ''
)
select 'references' as check_name,
       'raw.units ' || u.unit_code as subject,
       printf('đơn vị %s có đơn vị cấp trên %s không có trong danh mục đơn vị', u.unit_code, u.parent_code) as problem_vi,
       printf('unit %s has parent %s, which is not a known unit', u.unit_code, u.parent_code) as problem_en
from raw.units u
where u.parent_code is not null
  and not exists (select 1 from raw.units p where p.unit_code = u.parent_code)
union all
select 'references',
       'raw.units ' || start,
       'đơn vị cấp trên tạo vòng lặp: ' || array_to_string(list_append(path, code), ' → '),
       'parent units form a cycle: ' || array_to_string(list_append(path, code), ' → ')
from walk
where code = start
union all
select 'references',
       r.tbl || ' ' || r.unit_code,
       printf('%d dòng của %s trỏ tới đơn vị %s không có trong danh mục đơn vị', count(*), r.tbl, r.unit_code),
       printf('%d rows of %s refer to unit %s, which is not a known unit', count(*), r.tbl, r.unit_code)
from unit_refs r
where not exists (select 1 from raw.units u where u.unit_code = r.unit_code)
group by r.tbl, r.unit_code
union all
select 'references',
       'raw.task_updates ' || tu.task_id,
       printf('%d báo cáo tiến độ trỏ tới nhiệm vụ %s không có trong danh mục nhiệm vụ', count(*), tu.task_id),
       printf('%d progress reports refer to task %s, which is not a known task', count(*), tu.task_id)
from raw.task_updates tu
where not exists (select 1 from raw.tasks t where t.task_id = tu.task_id)
group by tu.task_id
