-- Progress reports: the task must exist, and it cannot be completed before it was assigned.
select s.source_line,
       'task_id' as column_name,
       s.task_id as value,
       'mã nhiệm vụ không có trong danh mục nhiệm vụ' as reason_vi,
       'task_id is not a known task' as reason_en
from stage s
where not exists (select 1 from raw.tasks t where t.task_id = s.task_id)
union all
select s.source_line,
       'completed_date' as column_name,
       strftime(s.completed_date, '%Y-%m-%d') as value,
       'ngày hoàn thành trước ngày giao nhiệm vụ (' || strftime(t.assigned_date, '%Y-%m-%d') || ')' as reason_vi,
       'completed_date is before the task''s assigned_date (' || strftime(t.assigned_date, '%Y-%m-%d') || ')' as reason_en
from stage s
join raw.tasks t on t.task_id = s.task_id
where s.completed_date < t.assigned_date
