-- The same natural key twice in one file: every line of a repeated key is an error naming the others.
-- {{key}}: the key columns; {{key_text}}: the key shown as text; {{key_label}}: the column to blame;
-- {{line_vi}}/{{line_en}}: what a location is called (line in a CSV, row in a sheet).
with keyed as (
    select source_line,
           {{key_text}} as key_text,
           list(source_line) over (partition by {{key}}) as lines
    from stage
)
select source_line,
       '{{key_label}}' as column_name,
       key_text as value,
       'trùng khóa ({{key_names}}) với {{line_vi}} ' || array_to_string(list_sort(list_filter(lines, lambda l: l <> source_line)), ', ') as reason_vi,
       'duplicate key ({{key_names}}), also on {{line_en}} ' || array_to_string(list_sort(list_filter(lines, lambda l: l <> source_line)), ', ') as reason_en
from keyed
where len(lines) > 1
