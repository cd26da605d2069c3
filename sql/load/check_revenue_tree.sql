-- Revenue: a parent category is the sum of its children. Where the file gives a parent and, for
-- the same month and unit, ALL its children, they must agree within 0.5 billion. Where it gives
-- only some children (reports often say "of which" for one sub-item), their sum must not exceed
-- the parent by more than 0.5 billion. thu_noi_dia given only through its children stands for
-- their sum when checking tong_thu (as a complete figure only if all three children are given).
with tree(category, parent) as (
    -- the one statement of the tree: sql/staging/revenue_categories.sql
    select category, parent_category from staging.revenue_categories where parent_category is not null
),
domestic_children as (
    select s.year, s.month, s.unit_code, sum(s.amount_bn_vnd) as amount, count(*) = 3 as complete
    from stage s join tree t on t.category = s.category
    where t.parent = 'thu_noi_dia'
    group by all
),
top_children as (
    select s.year, s.month, s.unit_code, s.amount_bn_vnd as amount, true as complete
    from stage s join tree t on t.category = s.category
    where t.parent = 'tong_thu'
    union all
    select d.year, d.month, d.unit_code, d.amount, d.complete
    from domestic_children d
    where not exists (select 1 from stage s where s.category = 'thu_noi_dia'
                      and s.year = d.year and s.month = d.month and s.unit_code = d.unit_code)
),
compared as (
    select p.source_line, p.year, p.month, p.unit_code, p.category, p.amount_bn_vnd as parent_amount,
           c.amount as children_amount, c.complete
    from stage p join domestic_children c using (year, month, unit_code)
    where p.category = 'thu_noi_dia'
    union all
    select p.source_line, p.year, p.month, p.unit_code, p.category, p.amount_bn_vnd,
           sum(c.amount), count(*) = 4 and bool_and(c.complete)
    from stage p join top_children c using (year, month, unit_code)
    where p.category = 'tong_thu'
    group by all
)
select source_line,
       'amount_bn_vnd' as column_name,
       cast(round(parent_amount, 6) as varchar) as value,
       printf('%s tháng %d-%02d của đơn vị %s là %s tỷ đồng nhưng %s là %s tỷ đồng (lệch quá 0,5 tỷ)',
              category, year, month, unit_code, cast(round(parent_amount, 6) as varchar),
              case when complete then 'tổng các khoản con' else 'tổng các khoản con có trong tệp' end,
              cast(round(children_amount, 6) as varchar)) as reason_vi,
       printf('%s for %d-%02d, unit %s, is %s billion but %s %s billion (more than 0.5 billion apart)',
              category, year, month, unit_code, cast(round(parent_amount, 6) as varchar),
              case when complete then 'its children sum to' else 'the children given in the file already sum to' end,
              cast(round(children_amount, 6) as varchar)) as reason_en
from compared
where (complete and abs(parent_amount - children_amount) > 0.5 + 1e-9)
   or (not complete and children_amount - parent_amount > 0.5 + 1e-9)
