-- Province P with commune C, two tasks, one on-time-rate target (see MetricsCommandTests).
insert into raw.units (unit_code, unit_name, unit_type, parent_code, row_hash, load_id) values
    ('P', 'Tỉnh P', 'tinh', null, 'h', 1), ('C', 'Xã C', 'xa', 'P', 'h', 1);
insert into raw.tasks (task_id, source_doc, source_date, title, lead_unit, assigned_date, due_kind, due_date, row_hash, load_id) values
    ('T1', '1-CV/TU', '2026-01-05', 'Một', 'C', '2026-01-05', 'ngay', '2026-02-01', 'h', 1),
    ('T2', '1-CV/TU', '2026-01-05', 'Hai', 'C', '2026-01-05', 'ngay', '2026-03-01', 'h', 1);
insert into raw.task_updates (task_id, report_date, status, completed_date, row_hash, load_id) values
    ('T1', '2026-01-20', 'hoan_thanh', '2026-01-20', 'h', 1);
insert into raw.kpi_targets (indicator_id, unit_code, green_at, amber_at, row_hash, load_id) values
    ('tasks.on_time_rate', '*', 80, 60, 'h', 1);

