-- tasks: staging.tasks by the lead unit's province and the year the task was assigned.
copy (
    select t.*, coalesce(p.province, '_none') as province, year(t.assigned_date) as year
    from staging.tasks as t
    left join unit_province() as p on p.unit_code = t.lead_unit
    order by t.task_id
) to '{lake}/tasks' (format parquet, partition_by (province, year), compression zstd);
