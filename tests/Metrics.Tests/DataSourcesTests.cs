using Dapper;

namespace Analytics.Metrics.Tests;

/// <summary>The files behind a unit's numbers: only those holding rows about the unit or a unit below it.</summary>
public sealed class DataSourcesTests
{
    [Fact]
    public void A_city_names_its_own_files_and_the_shared_ones_not_another_citys()
    {
        using var w = new TestWarehouse();
        w.Connection.Execute("""
            insert into meta.loads (load_id, file_name, sha256, dataset, started_at, finished_at, outcome) values
                (2, 'staffing_hp.csv', 's2', 'staffing', '2026-11-25 09:01:00', '2026-11-25 09:01:01', 'loaded'),
                (3, 'staffing_ct.csv', 's3', 'staffing', '2026-11-25 09:02:00', '2026-11-25 09:02:01', 'loaded'),
                (4, 'kpi_targets.csv', 's4', 'kpi_targets', '2026-11-25 09:03:00', '2026-11-25 09:03:01', 'loaded'),
                (5, 'tasks_ct.csv', 's5', 'tasks', '2026-11-25 09:04:00', '2026-11-25 09:04:01', 'loaded'),
                (6, 'task_updates.csv', 's6', 'task_updates', '2026-11-25 09:05:00', '2026-11-25 09:05:01', 'loaded')
            """);
        w.Unit("31", "Thành phố Hải Phòng", "tinh")
            .Unit("31001", "Phường Hồng Bàng", "phuong", "31")
            .Unit("92", "Thành phố Cần Thơ", "tinh")
            .Unit("92001", "Phường Ninh Kiều", "phuong", "92");
        // fixture rows carry load 1 (units); move each dataset to its own file
        w.Staffing("2025-12-31", "31001", "cong_chuc", "dat_dai", 3, 2).Staffing("2025-12-31", "31001", "cong_chuc", "cntt", 2, 2)
            .Staffing("2025-12-31", "92001", "cong_chuc", "dat_dai", 3, 1)
            .KpiTarget("staffing.fill_rate", "*", 95, 85)
            .Task("T1", "92001", "2025-10-01", "2025-12-01")
            .Update("T1", "2025-12-31", "hoan_thanh", "2025-11-20");
        w.Connection.Execute("""
            update raw.staffing set load_id = case when unit_code = '31001' then 2 else 3 end;
            update raw.kpi_targets set load_id = 4;
            update raw.tasks set load_id = 5;
            update raw.task_updates set load_id = 6;
            """);

        var hp = w.Metrics.Sources("31");
        Assert.Equal([("fixture.csv", 2), ("staffing_hp.csv", 2), ("kpi_targets.csv", 1)], hp.Select(s => (s.FileName, (int)s.Rows)));

        var ct = w.Metrics.Sources("92");
        Assert.Equal([("fixture.csv", 2), ("staffing_ct.csv", 1), ("kpi_targets.csv", 1), ("tasks_ct.csv", 1), ("task_updates.csv", 1)],
            ct.Select(s => (s.FileName, (int)s.Rows)));

        // a commune sees its own rows only
        Assert.Equal([("fixture.csv", 1), ("staffing_hp.csv", 2), ("kpi_targets.csv", 1)], w.Metrics.Sources("31001").Select(s => (s.FileName, (int)s.Rows)));
        // the whole warehouse still lists every file
        Assert.Equal(6, w.Metrics.Sources().Count);
    }
}
