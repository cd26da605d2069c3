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

-- staffing: C (cluster K1) has 2 land officers too many, D (cluster K1) 1 too few, E (cluster K2) 3 too few
insert into raw.units (unit_code, unit_name, unit_type, parent_code, cluster, row_hash, load_id) values
    ('D', 'Xã D', 'xa', 'P', 'K1', 'h', 1), ('E', 'Xã E', 'xa', 'P', 'K2', 'h', 1);
update raw.units set cluster = 'K1' where unit_code = 'C';
insert into raw.staffing (snapshot_date, phase, unit_code, position_group, specialty, quota, actual, row_hash, load_id) values
    ('2026-02-01', 'sau_sap_xep', 'C', 'cong_chuc', 'dat_dai', 2, 4, 'h', 1),
    ('2026-02-01', 'sau_sap_xep', 'D', 'cong_chuc', 'dat_dai', 2, 1, 'h', 1),
    ('2026-02-01', 'sau_sap_xep', 'E', 'cong_chuc', 'dat_dai', 4, 1, 'h', 1);
