-- Doctor: the catalogue's cross-column and cross-row rules (INPUTS.md) over the stored rows.
with tree(category, parent) as (
    -- the one statement of the tree: sql/staging/revenue_categories.sql
    select category, parent_category from staging.revenue_categories where parent_category is not null
),
child_count as (select parent, count(*) as n from tree group by parent),
children as (
    select r.year, r.month, r.unit_code, t.parent, sum(r.amount_bn_vnd) as amount, count(*) as n
    from raw.revenue r join tree t on t.category = r.category
    group by all
),
revenue_tree as (
    select p.year, p.month, p.unit_code, p.category, p.amount_bn_vnd as parent_amount, c.amount as children_amount
    from raw.revenue p
    join children c on c.parent = p.category and c.year = p.year and c.month = p.month and c.unit_code = p.unit_code
    join child_count k on k.parent = p.category and k.n = c.n
    where abs(p.amount_bn_vnd - c.amount) > 0.5 + 1e-9
)
select 'consistency' as check_name,
       printf('raw.revenue %d-%02d %s %s', year, month, unit_code, category) as subject,
       printf('%s tháng %d-%02d của đơn vị %s là %s tỷ đồng nhưng tổng các khoản con là %s tỷ đồng (lệch quá 0,5 tỷ)',
              category, year, month, unit_code, cast(round(parent_amount, 6) as varchar), cast(round(children_amount, 6) as varchar)) as problem_vi,
       printf('%s for %d-%02d, unit %s, is %s billion but its children sum to %s billion (more than 0.5 billion apart)',
              category, year, month, unit_code, cast(round(parent_amount, 6) as varchar), cast(round(children_amount, 6) as varchar)) as problem_en
from revenue_tree
union all
select 'consistency',
       printf('raw.staffing %s %s %s/%s', strftime(snapshot_date, '%Y-%m-%d'), unit_code, position_group, specialty),
       printf('số từ huyện cũ (%d) + từ xã cũ (%d) vượt số có mặt (%d)', coalesce(from_old_district, 0), coalesce(from_old_commune, 0), actual),
       printf('from_old_district (%d) + from_old_commune (%d) exceeds actual (%d)', coalesce(from_old_district, 0), coalesce(from_old_commune, 0), actual)
from raw.staffing
where coalesce(from_old_district, 0) + coalesce(from_old_commune, 0) > actual
union all
select 'consistency',
       printf('raw.task_updates %s %s', task_id, strftime(report_date, '%Y-%m-%d')),
       case when status = 'hoan_thanh' and completed_date is null then 'nhiệm vụ đã hoàn thành nhưng không có ngày hoàn thành'
            when status <> 'hoan_thanh' and completed_date is not null then printf('có ngày hoàn thành nhưng trạng thái là %s', status)
            else printf('ngày hoàn thành %s sau ngày báo cáo', strftime(completed_date, '%Y-%m-%d')) end,
       case when status = 'hoan_thanh' and completed_date is null then 'the task is done but has no completed_date'
            when status <> 'hoan_thanh' and completed_date is not null then printf('completed_date is given but the status is %s', status)
            else printf('completed_date %s is after the report_date', strftime(completed_date, '%Y-%m-%d')) end
from raw.task_updates
where (status = 'hoan_thanh') <> (completed_date is not null)
   or completed_date > report_date
union all
select 'consistency',
       printf('raw.task_updates %s %s', u.task_id, strftime(u.report_date, '%Y-%m-%d')),
       printf('ngày hoàn thành %s trước ngày giao nhiệm vụ %s', strftime(u.completed_date, '%Y-%m-%d'), strftime(t.assigned_date, '%Y-%m-%d')),
       printf('completed_date %s is before the task''s assigned_date %s', strftime(u.completed_date, '%Y-%m-%d'), strftime(t.assigned_date, '%Y-%m-%d'))
from raw.task_updates u join raw.tasks t using (task_id)
where u.completed_date < t.assigned_date
