-- metrics.staffing_transfers_at(p_unit, p_date): one row per suggested move of staff inside
-- p_unit's roll-up at p_date (from a unit with a surplus to a unit with a shortage, same
-- position_group and specialty), closing exactly staffing.rebalance_potential people. Moves inside
-- a cluster (cụm) come first; what is left is matched across clusters. Matching is set-based:
-- surpluses and shortages are laid end to end (largest first) and paired where they overlap.
-- reads: metrics.staffing_cells_at, staging.units
-- defines: metrics.staffing_transfers_at
create schema if not exists metrics;

create or replace macro metrics.staffing_transfers_at(p_unit, p_date) as table
with
cells as (
    select * from metrics.staffing_cells_at(p_unit, [p_date::date])
    where not is_before and roll_up_code = p_unit
),

units as (
    select * from staging.units
),

with_cluster as (
    select c.unit_code, u.cluster, c.position_group, c.specialty, c.surplus, c.shortage
    from cells as c
    left join units as u on u.unit_code = c.unit_code
),

surplus_in_cluster as (
    select
        *,
        sum(surplus) over (partition by position_group, specialty, cluster order by surplus desc, unit_code rows unbounded preceding) as range_end,
    from with_cluster
    where surplus > 0 and cluster is not null
),

shortage_in_cluster as (
    select
        *,
        sum(shortage) over (partition by position_group, specialty, cluster order by shortage desc, unit_code rows unbounded preceding) as range_end,
    from with_cluster
    where shortage > 0 and cluster is not null
),

moves_in_cluster as (
    select
        s.unit_code as from_unit,
        d.unit_code as to_unit,
        s.position_group,
        s.specialty,
        least(s.range_end, d.range_end) - greatest(s.range_end - s.surplus, d.range_end - d.shortage) as people,
        true as is_same_cluster,
    from surplus_in_cluster as s
    join shortage_in_cluster as d
      on d.position_group = s.position_group and d.specialty = s.specialty and d.cluster = s.cluster
     and d.range_end - d.shortage < s.range_end and s.range_end - s.surplus < d.range_end
),

left_after_cluster as (
    select
        w.unit_code,
        w.position_group,
        w.specialty,
        w.surplus - coalesce((select sum(m.people) from moves_in_cluster as m
                              where m.from_unit = w.unit_code and m.position_group = w.position_group and m.specialty = w.specialty), 0) as surplus,
        w.shortage - coalesce((select sum(m.people) from moves_in_cluster as m
                               where m.to_unit = w.unit_code and m.position_group = w.position_group and m.specialty = w.specialty), 0) as shortage,
    from with_cluster as w
),

surplus_across as (
    select
        *,
        sum(surplus) over (partition by position_group, specialty order by surplus desc, unit_code rows unbounded preceding) as range_end,
    from left_after_cluster
    where surplus > 0
),

shortage_across as (
    select
        *,
        sum(shortage) over (partition by position_group, specialty order by shortage desc, unit_code rows unbounded preceding) as range_end,
    from left_after_cluster
    where shortage > 0
),

moves_across as (
    select
        s.unit_code as from_unit,
        d.unit_code as to_unit,
        s.position_group,
        s.specialty,
        least(s.range_end, d.range_end) - greatest(s.range_end - s.surplus, d.range_end - d.shortage) as people,
        false as is_same_cluster,
    from surplus_across as s
    join shortage_across as d
      on d.position_group = s.position_group and d.specialty = s.specialty
     and d.range_end - d.shortage < s.range_end and s.range_end - s.surplus < d.range_end
),

all_moves as (
    select * from moves_in_cluster
    union all
    select * from moves_across
),

final as (
    select
        m.from_unit,
        coalesce(f.unit_name, m.from_unit) as from_unit_name,
        m.to_unit,
        coalesce(t.unit_name, m.to_unit) as to_unit_name,
        m.position_group,
        m.specialty,
        m.people::integer as people,
        m.is_same_cluster or (f.cluster is not null and f.cluster = t.cluster) as same_cluster,
    from all_moves as m
    left join units as f on f.unit_code = m.from_unit
    left join units as t on t.unit_code = m.to_unit
    order by m.position_group, m.specialty, same_cluster desc, people desc, m.from_unit, m.to_unit
)

select * from final;
