-- export.unit_province (temporary, for this export session only): each unit code and the
-- province (the root of its branch of the unit tree) it belongs to; the lake is partitioned by it.
-- reads: marts.unit_tree, staging.units
create or replace temp macro unit_province() as table
select t.unit_code, a.unit_code as province
from marts.unit_tree as t
join staging.units as a on a.unit_code = t.ancestor_code
where a.parent_code is null;
