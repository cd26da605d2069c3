-- staging.revenue_categories: one row per revenue category of the tree in INPUTS.md
-- (depth 0 is tong_thu; a parent is the sum of its children).
-- reads:
-- defines: staging.revenue_categories
create schema if not exists staging;

create or replace view staging.revenue_categories as
with
tree as (
    select * from (values
        ('tong_thu', null, 0, 'Tổng thu NSNN trên địa bàn'),
        ('thu_noi_dia', 'tong_thu', 1, 'Thu nội địa'),
        ('thu_tien_su_dung_dat', 'thu_noi_dia', 2, 'Thu tiền sử dụng đất'),
        ('thu_xo_so', 'thu_noi_dia', 2, 'Thu xổ số kiến thiết'),
        ('thu_noi_dia_khac', 'thu_noi_dia', 2, 'Thu nội địa khác'),
        ('thu_xuat_nhap_khau', 'tong_thu', 1, 'Thu cân đối từ hoạt động xuất nhập khẩu'),
        ('thu_dau_tho', 'tong_thu', 1, 'Thu từ dầu thô'),
        ('thu_vien_tro', 'tong_thu', 1, 'Thu viện trợ')
    ) as t(category, parent_category, depth, category_name)
),

final as (
    select
        category::varchar as category,
        parent_category::varchar as parent_category,
        depth::integer as depth,
        category_name::varchar as category_name,
    from tree
)

select * from final;
