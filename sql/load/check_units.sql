-- Units: a parent must exist in the file or the warehouse, and parents must not form a cycle,
-- also not with warehouse rows (a row of the file replaces the warehouse row of the same code).
with recursive units as (
    select unit_code, parent_code from stage
    union all
    select r.unit_code, r.parent_code
    from raw.units r
    where not exists (select 1 from stage s where s.unit_code = r.unit_code)
),
missing as (
    select s.source_line,
           'parent_code' as column_name,
           s.parent_code as value,
           'đơn vị cấp trên không có trong tệp hay trong kho dữ liệu' as reason_vi,
           'the parent unit is neither in the file nor in the warehouse' as reason_en
    from stage s
    where s.parent_code is not null
      and not exists (select 1 from units u where u.unit_code = s.parent_code)
),
walk as (
    select s.unit_code as start, s.parent_code as code, [s.unit_code] as path
    from stage s
    where s.parent_code is not null and s.parent_code <> s.unit_code
    union all
    select w.start, u.parent_code, list_append(w.path, w.code)
    from walk w
    join units u on u.unit_code = w.code
    where w.code <> w.start
      and not list_contains(w.path, w.code)
      and u.parent_code is not null
),
cycles as (
    select s.source_line,
           'parent_code' as column_name,
           s.parent_code as value,
           'đơn vị cấp trên tạo vòng lặp: ' || array_to_string(list_append(w.path, w.code), ' → ') as reason_vi,
           'parent units form a cycle: ' || array_to_string(list_append(w.path, w.code), ' → ') as reason_en
    from walk w
    join stage s on s.unit_code = w.start
    where w.code = w.start
)
select * from missing
union all
select * from cycles
