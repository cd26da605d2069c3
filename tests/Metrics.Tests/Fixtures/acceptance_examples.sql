-- Fills raw.* from /work/shared/acceptance/examples/*.csv in the canonical form the loaders write
-- (the loaders are another component; the metrics tests do not depend on them).
-- {examples} is replaced by the folder path before this runs.
insert into meta.loads (load_id, file_name, sha256, dataset, started_at, finished_at, rows_read, inserted, outcome)
values (1, 'units.csv', 'acceptance', 'units', '2026-11-25 08:00:00', '2026-11-25 08:00:01', 6, 6, 'loaded'),
       (2, 'examples', 'acceptance', 'all', '2026-11-25 08:00:02', '2026-11-25 08:00:03', 0, 0, 'loaded');

insert into raw.units (unit_code, unit_name, unit_type, parent_code, cluster, row_hash, load_id, source_line)
select unit_code, unit_name, unit_type, parent_code, cluster, 'h', 1, 0
from read_csv('{examples}/units.csv', all_varchar = true);

insert into raw.tasks (task_id, source_doc, source_date, clause, title, lead_unit, support_units, assigned_date, due_kind, due_date, row_hash, load_id, source_line)
select task_id, source_doc, source_date::date, clause, title, lead_unit, null, source_date::date, due_kind, due_date::date, 'h', 2, 0
from read_csv('{examples}/tasks.csv', all_varchar = true);

insert into raw.task_updates (task_id, report_date, status, completed_date, progress_pct, row_hash, load_id, source_line)
select task_id, report_date::date, status, completed_date::date, progress_pct::double, 'h', 2, 0
from read_csv('{examples}/task_updates.csv', all_varchar = true);

insert into raw.staffing (snapshot_date, phase, unit_code, position_group, specialty, quota, actual, from_old_district, from_old_commune, row_hash, load_id, source_line)
select snapshot_date::date, phase, unit_code, position_group, specialty, quota::integer, actual::integer,
       from_old_district::integer, from_old_commune::integer, 'h', 2, 0
from read_csv('{examples}/staffing.csv', all_varchar = true);

insert into raw.admin_indices (year, index_code, unit_code, component, score, max_score, rank, rank_of, row_hash, load_id, source_line)
select year::integer, index_code, unit_code, component, score::double, max_score::double, rank::integer, rank_of::integer, 'h', 2, 0
from read_csv('{examples}/admin_indices.csv', all_varchar = true);

insert into raw.revenue (year, month, unit_code, category, amount_bn_vnd, row_hash, load_id, source_line)
select left(period, 4)::integer, right(period, 2)::integer, unit_code, category, amount_bn_vnd::double, 'h', 2, 0
from read_csv('{examples}/revenue.csv', all_varchar = true);

insert into raw.revenue_targets (year, unit_code, category, target_kind, through_month, amount_bn_vnd, row_hash, load_id, source_line)
select year::integer, unit_code, category, target_kind, coalesce(through_month::integer, 12), amount_bn_vnd::double, 'h', 2, 0
from read_csv('{examples}/revenue_targets.csv', all_varchar = true);

insert into raw.grdp (period, unit_code, year, period_kind, period_start, period_end, growth_pct, row_hash, load_id, source_line)
with g as (select *, left(period, 4)::integer as y from read_csv('{examples}/grdp.csv', all_varchar = true))
select period, unit_code, y,
       case when length(period) = 4 then 'year' when period like '%-9M' then 'nine_months'
            when period like '%-H%' then 'half' else 'quarter' end,
       case when length(period) = 4 or period like '%-9M' or period like '%-H1' or period like '%-Q1' then make_date(y, 1, 1)
            when period like '%-H2' then make_date(y, 7, 1)
            else make_date(y, (right(period, 1)::integer - 1) * 3 + 1, 1) end,
       case when length(period) = 4 or period like '%-H2' or period like '%-Q4' then make_date(y, 12, 31)
            when period like '%-9M' or period like '%-Q3' then make_date(y, 9, 30)
            when period like '%-H1' or period like '%-Q2' then make_date(y, 6, 30)
            else make_date(y, 3, 31) end,
       growth_pct::double, 'h', 2, 0
from g;

insert into raw.kpi_targets (indicator_id, unit_code, green_at, amber_at, row_hash, load_id, source_line)
select indicator_id, unit_code, green_at::double, amber_at::double, 'h', 2, 0
from read_csv('{examples}/kpi_targets.csv', all_varchar = true);
