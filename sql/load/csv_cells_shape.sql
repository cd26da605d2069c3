-- Records read by the SQL read path, and those with no content at all (every cell empty), which
-- the record-by-record reader skips without counting: if there is one, the file takes that path.
select count(*) as records,
       count(*) filter (where concat(*columns(*)) = '') as empty_records
from csv_cells;
