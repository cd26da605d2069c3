using Analytics.Warehouse;
using Dapper;

namespace Analytics.Cli.Tests.Reliability;

/// <summary>Issue 6 item 6: analytics doctor passes a healthy warehouse and names each kind of damage.</summary>
public class DoctorCommandTests
{
    private static CliScratch Loaded()
    {
        var s = new CliScratch();
        Assert.Equal(0, s.Run("load", "--db", s.Db, CliScratch.Acceptance("examples")).Exit);
        return s;
    }

    private static void Tamper(CliScratch s, string sql)
    {
        using var c = WarehouseFile.Open(s.Db);
        c.Execute(sql);
    }

    [Fact]
    public void A_healthy_warehouse_passes()
    {
        using var s = Loaded();
        var (exit, stdout, _) = s.Run("doctor", "--db", s.Db);
        Assert.Equal(0, exit);
        Assert.Contains("không phát hiện vấn đề nào / no problems found", stdout);
    }

    [Theory]
    [InlineData("update raw.revenue set load_id = 9999 where rowid = (select min(rowid) from raw.revenue)",
        "carry load_id 9999 but the load journal (meta.loads) has no such load")]
    [InlineData("update meta.loads set inserted = 0, replaced = 0 where file_name = 'units.csv'",
        "journals 0 inserted + 0 replaced rows but the warehouse holds")]
    [InlineData("update raw.staffing set actual = 0, from_old_district = 3 where rowid = (select min(rowid) from raw.staffing)",
        "from_old_district (3) + from_old_commune")]
    [InlineData("insert into raw.task_updates (task_id, report_date, status, completed_date, row_hash, load_id) select 'NO-SUCH-TASK', date '2026-01-31', 'dang_thuc_hien', null, 'x', min(load_id) from meta.loads",
        "refer to task NO-SUCH-TASK, which is not a known task")]
    [InlineData("update raw.tasks set lead_unit = '99999' where rowid = (select min(rowid) from raw.tasks)",
        "of raw.tasks (lead_unit) refer to unit 99999, which is not a known unit")]
    [InlineData("update raw.task_updates set completed_date = null where status = 'hoan_thanh' and rowid = (select min(rowid) from raw.task_updates where status = 'hoan_thanh')",
        "the task is done but has no completed_date")]
    public void Each_kind_of_damage_is_named(string sql, string expected)
    {
        using var s = Loaded();
        Tamper(s, sql);
        var (exit, stdout, _) = s.Run("doctor", "--db", s.Db);
        Assert.Equal(1, exit);
        Assert.Contains(expected, stdout);
        Assert.Contains("vấn đề / ", stdout);
    }

    [Fact]
    public void A_parent_cycle_is_reported_with_its_path()
    {
        using var s = Loaded();
        string a, b;
        using (var c = WarehouseFile.Open(s.Db))
        {
            (a, b) = c.QueryFirst<(string, string)>("select unit_code, parent_code from raw.units where parent_code is not null order by unit_code limit 1");
            c.Execute("update raw.units set parent_code = $a where unit_code = $b", new { a, b });
        }
        var (exit, stdout, _) = s.Run("doctor", "--db", s.Db);
        Assert.Equal(1, exit);
        Assert.Contains($"parent units form a cycle: {a} → {b} → {a}", stdout);
        Assert.Contains("đơn vị cấp trên tạo vòng lặp", stdout);
    }

    [Fact]
    public void A_revenue_parent_unequal_to_its_children_is_named()
    {
        using var s = Loaded();
        using (var c = WarehouseFile.Open(s.Db))
        {
            // Give one month a complete domestic breakdown and a domestic total one billion away from it.
            var (year, month, unit) = c.QueryFirst<(int, int, string)>("select year, month, unit_code from raw.revenue order by all limit 1");
            c.Execute("""
                delete from raw.revenue where year = $year and month = $month and unit_code = $unit
                  and category in ('thu_noi_dia', 'thu_tien_su_dung_dat', 'thu_xo_so', 'thu_noi_dia_khac');
                insert into raw.revenue (year, month, unit_code, category, amount_bn_vnd, row_hash, load_id)
                select $year, $month, $unit, c, a, 'x', (select min(load_id) from meta.loads)
                from (values ('thu_noi_dia', 101.0), ('thu_tien_su_dung_dat', 50.0), ('thu_xo_so', 10.0), ('thu_noi_dia_khac', 40.0)) v(c, a);
                """, new { year, month, unit });
        }
        var (exit, stdout, _) = s.Run("doctor", "--db", s.Db);
        Assert.Equal(1, exit);
        Assert.Contains("is 101.0 billion but its children sum to 100.0 billion", stdout);
        Assert.Contains("lệch quá 0,5 tỷ", stdout);
    }

    [Fact]
    public void An_old_schema_is_reported()
    {
        using var s = Loaded();
        Tamper(s, $"delete from meta.schema_version where version = {WarehouseFile.LatestVersion}");
        var (exit, stdout, _) = s.Run("doctor", "--db", s.Db);
        Assert.Equal(1, exit);
        Assert.Contains("run analytics init --db to migrate", stdout);
    }
}
