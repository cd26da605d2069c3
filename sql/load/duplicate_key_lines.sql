-- Every line of a key repeated in the file, with the key's second line (where check_duplicate_keys.sql
-- reports it): a partial load refuses all of them, since which one is right cannot be told.
select source_line,
       nth_value(source_line, 2) over (partition by {{key}} order by source_line rows between unbounded preceding and unbounded following) as first_line
from stage
qualify count(*) over (partition by {{key}}) > 1
