-- Doctor: every raw row was written by a load the journal records as having written data, and no
-- load holds more rows than it says it inserted or replaced (later loads may take rows over).
with rows as (
    select 'units' as tbl, load_id from raw.units
    union all select 'tasks', load_id from raw.tasks
    union all select 'task_updates', load_id from raw.task_updates
    union all select 'staffing', load_id from raw.staffing
    union all select 'admin_indices', load_id from raw.admin_indices
    union all select 'revenue', load_id from raw.revenue
    union all select 'revenue_targets', load_id from raw.revenue_targets
    union all select 'grdp', load_id from raw.grdp
    union all select 'kpi_targets', load_id from raw.kpi_targets
    union all select 'unit_standards', load_id from raw.unit_standards
),
per_load as (
    select tbl, load_id, count(*) as n from rows group by all
)
select 'journal' as check_name,
       printf('raw.%s load_id %d', p.tbl, p.load_id) as subject,
       printf('%d dòng của raw.%s mang load_id %d nhưng nhật ký nạp (meta.loads) không có lần nạp này', p.n, p.tbl, p.load_id) as problem_vi,
       printf('%d rows of raw.%s carry load_id %d but the load journal (meta.loads) has no such load', p.n, p.tbl, p.load_id) as problem_en
from per_load p
where not exists (select 1 from meta.loads l where l.load_id = p.load_id)
union all
select 'journal',
       printf('raw.%s load_id %d', p.tbl, p.load_id),
       printf('%d dòng của raw.%s mang load_id %d nhưng lần nạp đó có kết quả "%s" (không ghi dữ liệu)', p.n, p.tbl, p.load_id, l.outcome),
       printf('%d rows of raw.%s carry load_id %d but that load''s outcome is "%s" (it wrote no data)', p.n, p.tbl, p.load_id, l.outcome)
from per_load p join meta.loads l using (load_id)
where l.outcome not in ('loaded', 'partial')
union all
select 'journal',
       printf('meta.loads load_id %d', l.load_id),
       printf('lần nạp %d (%s) ghi nhận %d dòng thêm + %d dòng thay thế nhưng kho có %d dòng của lần nạp này', l.load_id, l.file_name, l.inserted, l.replaced, p.n),
       printf('load %d (%s) journals %d inserted + %d replaced rows but the warehouse holds %d rows from it', l.load_id, l.file_name, l.inserted, l.replaced, p.n)
from per_load p join meta.loads l using (load_id)
where l.outcome in ('loaded', 'partial') and p.n > l.inserted + l.replaced
union all
select 'journal',
       printf('meta.loads load_id %d', l.load_id),
       printf('lần nạp %d (%s) đọc %d dòng nhưng ghi nhận %d thêm + %d thay thế + %d không đổi + %d bị loại', l.load_id, l.file_name, l.rows_read, l.inserted, l.replaced, l.unchanged, l.rejected),
       printf('load %d (%s) read %d rows but journals %d inserted + %d replaced + %d unchanged + %d rejected', l.load_id, l.file_name, l.rows_read, l.inserted, l.replaced, l.unchanged, l.rejected)
from meta.loads l
where l.outcome in ('loaded', 'partial', 'unchanged')
  and l.inserted + l.replaced + l.unchanged + l.rejected > l.rows_read
