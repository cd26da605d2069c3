-- metrics.indicator_catalogue: one row per indicator id of INDICATORS.md, for analysts' SQL and
-- for KPI status (the direction decides which way is better). It mirrors
-- src/Metrics/Catalogue/indicators.json (a test keeps the two equal); has_total says whether the
-- indicator has a row with empty dims (the others exist only per category or component).
-- reads:
-- defines: metrics.indicator_catalogue
create schema if not exists metrics;

create or replace view metrics.indicator_catalogue as
with
catalogue as (
    select * from (values
        ('tasks.total', 'tasks', 'Tổng số nhiệm vụ', 'Total tasks', 'count', 'none', true),
        ('tasks.completed_on_time', 'tasks', 'Hoàn thành đúng hạn', 'Completed on time', 'count', 'higher', true),
        ('tasks.completed_late', 'tasks', 'Hoàn thành quá hạn', 'Completed late', 'count', 'lower', true),
        ('tasks.overdue', 'tasks', 'Quá hạn chưa hoàn thành', 'Overdue, not completed', 'count', 'lower', true),
        ('tasks.on_track', 'tasks', 'Đang thực hiện, trong hạn', 'In progress, within deadline', 'count', 'none', true),
        ('tasks.open_no_deadline', 'tasks', 'Chưa hoàn thành, không thời hạn', 'Open, no deadline', 'count', 'none', true),
        ('tasks.cancelled', 'tasks', 'Hủy, không thực hiện', 'Cancelled', 'count', 'none', true),
        ('tasks.on_time_rate', 'tasks', 'Tỷ lệ hoàn thành đúng hạn', 'On-time completion rate', '%', 'higher', true),
        ('tasks.completion_rate', 'tasks', 'Tỷ lệ hoàn thành', 'Completion rate', '%', 'higher', true),
        ('tasks.overdue_rate', 'tasks', 'Tỷ lệ quá hạn', 'Overdue rate', '%', 'lower', true),
        ('tasks.overdue_days_avg', 'tasks', 'Số ngày quá hạn bình quân', 'Average days overdue', 'days', 'lower', true),
        ('tasks.late_days_avg', 'tasks', 'Số ngày trễ bình quân', 'Average days late', 'days', 'lower', true),
        ('tasks.due_next_30d', 'tasks', 'Sắp đến hạn (30 ngày)', 'Due in the next 30 days', 'count', 'none', true),
        ('staffing.quota', 'staffing', 'Biên chế được giao', 'Staffing quota', 'people', 'none', true),
        ('staffing.actual', 'staffing', 'Số có mặt', 'Staff in post', 'people', 'none', true),
        ('staffing.net_gap', 'staffing', 'Chênh lệch (có mặt − biên chế)', 'Net gap (in post − quota)', 'people', 'none', true),
        ('staffing.shortage', 'staffing', 'Số thiếu', 'Shortage', 'people', 'lower', true),
        ('staffing.surplus', 'staffing', 'Số thừa', 'Surplus', 'people', 'lower', true),
        ('staffing.fill_rate', 'staffing', 'Tỷ lệ có mặt / biên chế', 'Fill rate', '%', 'none', true),
        ('staffing.units_with_shortage', 'staffing', 'Số đơn vị còn thiếu', 'Units with a shortage', 'count', 'lower', true),
        ('staffing.units_with_surplus', 'staffing', 'Số đơn vị còn thừa', 'Units with a surplus', 'count', 'lower', true),
        ('staffing.rebalance_potential', 'staffing', 'Có thể điều chuyển nội bộ', 'Internal rebalancing potential', 'people', 'none', true),
        ('staffing.from_old_district_share', 'staffing', 'Tỷ lệ từ cấp huyện (cũ)', 'Share from former district level', '%', 'none', true),
        ('staffing.actual_change', 'staffing', 'Thay đổi số có mặt so với trước sắp xếp', 'Change in staff since before the reorganisation', 'people', 'none', true),
        ('par_index.score', 'indices', 'PAR INDEX: Điểm', 'PAR INDEX: score', 'score', 'higher', true),
        ('par_index.rank', 'indices', 'PAR INDEX: Xếp hạng', 'PAR INDEX: rank', 'rank', 'lower', true),
        ('par_index.score_change', 'indices', 'PAR INDEX: Thay đổi điểm', 'PAR INDEX: score change', 'score', 'higher', true),
        ('par_index.rank_change', 'indices', 'PAR INDEX: Thay đổi thứ hạng', 'PAR INDEX: rank change', 'ranks', 'higher', true),
        ('par_index.gap_to_top', 'indices', 'PAR INDEX: Khoảng cách tới đơn vị dẫn đầu', 'PAR INDEX: gap to the leader', 'score', 'lower', true),
        ('par_index.component_pct', 'indices', 'PAR INDEX: Điểm thành phần / tối đa', 'PAR INDEX: component score / maximum', '%', 'higher', false),
        ('par_index.weakest_component', 'indices', 'PAR INDEX: Thành phần thấp nhất', 'PAR INDEX: weakest component', '%', 'higher', false),
        ('sipas.score', 'indices', 'SIPAS: Điểm', 'SIPAS: score', 'score', 'higher', true),
        ('sipas.rank', 'indices', 'SIPAS: Xếp hạng', 'SIPAS: rank', 'rank', 'lower', true),
        ('sipas.score_change', 'indices', 'SIPAS: Thay đổi điểm', 'SIPAS: score change', 'score', 'higher', true),
        ('sipas.rank_change', 'indices', 'SIPAS: Thay đổi thứ hạng', 'SIPAS: rank change', 'ranks', 'higher', true),
        ('sipas.gap_to_top', 'indices', 'SIPAS: Khoảng cách tới đơn vị dẫn đầu', 'SIPAS: gap to the leader', 'score', 'lower', true),
        ('sipas.component_pct', 'indices', 'SIPAS: Điểm thành phần / tối đa', 'SIPAS: component score / maximum', '%', 'higher', false),
        ('sipas.weakest_component', 'indices', 'SIPAS: Thành phần thấp nhất', 'SIPAS: weakest component', '%', 'higher', false),
        ('pci.score', 'indices', 'PCI: Điểm', 'PCI: score', 'score', 'higher', true),
        ('pci.rank', 'indices', 'PCI: Xếp hạng', 'PCI: rank', 'rank', 'lower', true),
        ('pci.score_change', 'indices', 'PCI: Thay đổi điểm', 'PCI: score change', 'score', 'higher', true),
        ('pci.rank_change', 'indices', 'PCI: Thay đổi thứ hạng', 'PCI: rank change', 'ranks', 'higher', true),
        ('pci.gap_to_top', 'indices', 'PCI: Khoảng cách tới đơn vị dẫn đầu', 'PCI: gap to the leader', 'score', 'lower', true),
        ('pci.component_pct', 'indices', 'PCI: Điểm thành phần / tối đa', 'PCI: component score / maximum', '%', 'higher', false),
        ('pci.weakest_component', 'indices', 'PCI: Thành phần thấp nhất', 'PCI: weakest component', '%', 'higher', false),
        ('revenue.ytd', 'revenue', 'Lũy kế thu', 'Revenue year to date', 'bn VND', 'higher', false),
        ('revenue.pct_of_annual_target', 'revenue', 'Đạt % dự toán năm', '% of the annual target', '%', 'higher', false),
        ('revenue.pct_of_period_target', 'revenue', 'Đạt % kế hoạch kỳ', '% of the period target', '%', 'higher', false),
        ('revenue.yoy_ratio', 'revenue', 'So với cùng kỳ', 'Against the same period last year', '%', 'higher', false),
        ('revenue.yoy_growth', 'revenue', 'Tăng so với cùng kỳ', 'Growth on the same period last year', '%', 'higher', false),
        ('revenue.domestic_share', 'revenue', 'Tỷ trọng thu nội địa', 'Domestic revenue share', '%', 'none', true),
        ('grdp.growth', 'revenue', 'Tăng trưởng GRDP', 'GRDP growth', '%', 'higher', true),
        ('units.below_standard', 'units', 'Số đơn vị cấp xã chưa đạt tiêu chuẩn', 'Communes below a unit standard', 'count', 'lower', true),
        ('units.standard_unassessed', 'units', 'Số đơn vị cấp xã thiếu số liệu để đối chiếu tiêu chuẩn', 'Communes lacking a figure a standard needs', 'count', 'lower', true),
        ('units.pct_of_standard', 'units', 'Đạt % tiêu chuẩn', '% of the unit standard', '%', 'higher', false)
    ) as c(indicator_id, area, name_vi, name_en, unit, direction, has_total)
),

final as (
    select
        indicator_id::varchar as indicator_id,
        area::varchar as area,
        name_vi::varchar as name_vi,
        name_en::varchar as name_en,
        unit::varchar as unit,
        direction::varchar as direction,
        has_total::boolean as has_total,
    from catalogue
)

select * from final;
