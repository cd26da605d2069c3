-- The same natural key on several lines of one file: one error per repeated key, on the line that
-- repeats it first (the second line of the key: where the clerk wrote the key again),
-- with how many lines carry it and the first five of them. Grouping keeps memory linear in the file
-- (listing, on every line, every other line of its key was quadratic: one key on 500,000 lines).
-- {{key}}: the key columns; {{key_text}}: the key shown as text; {{key_label}}: the column to blame;
-- {{line_vi}}/{{line_en}}: what a location is called (line in a CSV, row in a sheet).
-- duplicate_key_lines.sql gives every line of these keys, for the rows a partial load refuses.
select min_by(source_line, source_line, 2)[2] as source_line,
       '{{key_label}}' as column_name,
       {{key_text}} as value,
       'trùng khóa ({{key_names}}) trên ' || replace(format('{:,}', count(*)), ',', '.') || ' {{line_vi}}: '
           || array_to_string(min_by(source_line, source_line, 5), ', ') || if(count(*) > 5, ', …', '') as reason_vi,
       'duplicate key ({{key_names}}) on ' || format('{:,}', count(*)) || ' {{line_en}}s: '
           || array_to_string(min_by(source_line, source_line, 5), ', ') || if(count(*) > 5, ', …', '') as reason_en
from stage
group by {{key}}
having count(*) > 1
