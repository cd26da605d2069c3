-- task_updates: staging.task_updates by its task's lead-unit province and the report's year.
copy (
    select u.*, coalesce(p.province, '_none') as province, year(u.report_date) as year
    from staging.task_updates as u
    left join staging.tasks as t using (task_id)
    left join unit_province() as p on p.unit_code = t.lead_unit
    order by u.task_id, u.report_date
) to '{lake}/task_updates' (format parquet, partition_by (province, year), compression zstd);
