-- Every line of a key repeated in the file, with the key's first line (where check_duplicate_keys.sql
-- reports it): a partial load refuses all of them, since which one is right cannot be told.
select source_line, min(source_line) over (partition by {{key}}) as first_line
from stage
qualify count(*) over (partition by {{key}}) > 1
