-- One row of the load journal for one file; returns its load_id.
insert into meta.loads (file_name, file_path, sha256, dataset, started_at, finished_at,
                        rows_read, inserted, replaced, unchanged, rejected, outcome, message)
values ($file_name, $file_path, $sha256, $dataset, $started_at, now()::timestamp,
        $rows_read, $inserted, $replaced, $unchanged, $rejected, $outcome, $message)
returning load_id;
