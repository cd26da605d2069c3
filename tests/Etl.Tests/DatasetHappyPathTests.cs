using System.Globalization;
using Analytics.Etl.Input;
using Analytics.Etl.Loading;

namespace Analytics.Etl.Tests;

/// <summary>Each dataset loads from CSV and from XLSX, with aliases, labels and defaults, into the right raw values.</summary>
public class DatasetHappyPathTests
{
    public sealed record Case(string File, string Content, string Sql, string Expected, int Rows);

    public static readonly Dictionary<string, Case> Cases = new()
    {
        ["units"] = new("units_hp.csv", """
            Mã đơn vị,Tên đơn vị,Loại đơn vị,Đơn vị cấp trên,Dân số,Diện tích (km2),Ngày thành lập,don_vi_cu,Cụm xã
            09803,Xã Tây,Xã,98,25000,31.5,2025-07-01,Xã A; Xã B,Cụm 2
            98D01,Đảng ủy các cơ quan,Đảng ủy,98,,,,,
            """,
            "select string_agg(concat_ws('|', unit_code, unit_name, unit_type, parent_code, population, area_km2, established, former_units, cluster), ' # ' order by unit_code) from raw.units where unit_code in ('09803', '98D01')",
            "09803|Xã Tây|xa|98|25000|31.5|2025-07-01|Xã A; Xã B|Cụm 2 # 98D01|Đảng ủy các cơ quan|dang_uy|98", 2),
        ["tasks"] = new("tasks_hp.csv", """
            task_id,source_doc,source_date,clause,title,lead_unit,support_units,assigned_date,due_kind,due_date
            N1,14-CV/TU,2026-02-02,1.,Việc có hạn,09801,09802 ; 98S01,,,2026-03-15
            N2,14-CV/TU,2026-02-02,2.,Việc không hạn,09802,,,,
            N3,14-CV/TU,2026-02-02,3.,Việc trong tháng,98S01,,05/02/2026,Tháng,28/02/2026
            N4,14-CV/TU,2026-02-02,4.,Việc trong quý,98S01,,,quy,2026-06-30
            N5,14-CV/TU,2026-02-02,5.,Việc thường xuyên,98S01,,,Thường xuyên,
            """,
            "select string_agg(concat_ws('|', task_id, lead_unit, coalesce(support_units, '-'), assigned_date, due_kind, coalesce(cast(due_date as varchar), '-')), ' # ' order by task_id) from raw.tasks where task_id like 'N%'",
            "N1|09801|09802;98S01|2026-02-02|ngay|2026-03-15 # N2|09802|-|2026-02-02|khong|- # N3|98S01|-|2026-02-05|thang|2026-02-28 # N4|98S01|-|2026-02-02|quy|2026-06-30 # N5|98S01|-|2026-02-02|thuong_xuyen|-", 5),
        ["task_updates"] = new("task_updates_hp.csv", """
            Mã nhiệm vụ,Ngày báo cáo,Trạng thái,Ngày hoàn thành,Tiến độ (%),Ghi chú
            T1,2026-02-01,Đang thực hiện,,40,"Đã họp, chờ ý kiến"
            T1,2026-03-01,hoàn thành,2026-02-27,100,
            """,
            "select string_agg(concat_ws('|', task_id, report_date, status, coalesce(cast(completed_date as varchar), '-'), progress_pct, coalesce(note, '-')), ' # ' order by report_date) from raw.task_updates",
            "T1|2026-02-01|dang_thuc_hien|-|40.0|Đã họp, chờ ý kiến # T1|2026-03-01|hoan_thanh|2026-02-27|100.0|-", 2),
        ["staffing"] = new("staffing_hp.csv", """
            snapshot_date,phase,unit_code,position_group,specialty,quota,actual,from_old_district,from_old_commune
            2026-01-15,sau sắp xếp,09801,Công chức,Đất đai,2,3,1,2
            2026-01-15,,09801,cong_chuc,Công nghệ thông tin,2,1,,
            """,
            "select string_agg(concat_ws('|', snapshot_date, coalesce(phase, '-'), unit_code, position_group, specialty, quota, actual, coalesce(cast(from_old_district as varchar), '-'), coalesce(cast(from_old_commune as varchar), '-')), ' # ' order by specialty) from raw.staffing",
            "2026-01-15|-|09801|cong_chuc|cntt|2|1|-|- # 2026-01-15|sau_sap_xep|09801|cong_chuc|dat_dai|2|3|1|2", 2),
        ["admin_indices"] = new("admin_indices_hp.csv", """
            year,index_code,unit_code,component,score,max_score,rank,rank_of,source
            2025,par index,98,TOTAL,89.5,100,1,34,Bộ Nội vụ
            2025,SIPAS,98,C1,8.2,10,,,
            """,
            "select string_agg(concat_ws('|', year, index_code, unit_code, component, score, coalesce(cast(max_score as varchar), '-'), coalesce(cast(rank as varchar), '-'), coalesce(cast(rank_of as varchar), '-')), ' # ' order by index_code) from raw.admin_indices",
            "2025|PAR_INDEX|98|TOTAL|89.5|100.0|1|34 # 2025|SIPAS|98|C1|8.2|10.0|-|-", 2),
        ["revenue"] = new("revenue_hp.csv", """
            period,unit_code,category,amount_bn_vnd,is_estimate
            2026-01,98,tong_thu,16.2,không
            2026-01,98,thu_noi_dia,12,
            02/2026,98,Thu xuất nhập khẩu,4,có
            2026-01,98,thu_xuat_nhap_khau,4,0
            2026-01,98,thu_tien_su_dung_dat,7,1
            2026-01,98,thu_xo_so,-0.5,true
            """,
            "select string_agg(concat_ws('|', year, month, unit_code, category, amount_bn_vnd, coalesce(cast(is_estimate as varchar), '-')), ' # ' order by year, month, category) from raw.revenue",
            "2026|1|98|thu_noi_dia|12.0|- # 2026|1|98|thu_tien_su_dung_dat|7.0|true # 2026|1|98|thu_xo_so|-0.5|true # 2026|1|98|thu_xuat_nhap_khau|4.0|false # 2026|1|98|tong_thu|16.2|false # 2026|2|98|thu_xuat_nhap_khau|4.0|true", 6),
        ["revenue_targets"] = new("revenue_targets_hp.csv", """
            year,unit_code,category,target_kind,through_month,amount_bn_vnd
            2026,98,tong_thu,Dự toán HĐND giao,,200
            2026,98,tong_thu,ke_hoach,3,50.5
            """,
            "select string_agg(concat_ws('|', year, unit_code, category, target_kind, through_month, amount_bn_vnd), ' # ' order by target_kind) from raw.revenue_targets",
            "2026|98|tong_thu|du_toan_dia_phuong|12|200.0 # 2026|98|tong_thu|ke_hoach|3|50.5", 2),
        ["grdp"] = new("grdp_hp.csv", """
            period,unit_code,growth_pct,value_bn_vnd,rank_national
            2025,98,7.2,150000,3
            2026-Q1,98,6.9,,
            2025-H2,98,7.5,,
            2025-9M,98,7.1,,
            """,
            "select string_agg(concat_ws('|', period, year, period_kind, period_start, period_end, growth_pct), ' # ' order by period) from raw.grdp",
            "2025|2025|year|2025-01-01|2025-12-31|7.2 # 2025-9M|2025|nine_months|2025-01-01|2025-09-30|7.1 # 2025-H2|2025|half|2025-07-01|2025-12-31|7.5 # 2026-Q1|2026|quarter|2026-01-01|2026-03-31|6.9", 4),
        ["kpi_targets"] = new("kpi_targets_hp.csv", """
            indicator_id,unit_code,green_at,amber_at
            tasks.on_time_rate,*,80,60
            staffing.shortage,98,0,
            """,
            "select string_agg(concat_ws('|', indicator_id, unit_code, green_at, coalesce(cast(amber_at as varchar), '-')), ' # ' order by indicator_id) from raw.kpi_targets",
            "staffing.shortage|98|0.0|- # tasks.on_time_rate|*|80.0|60.0", 2),
    };

    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Cases.Keys) { data.Add(name, "csv"); data.Add(name, "xlsx"); }
        return data;
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Loads_into_the_raw_table(string dataset, string format)
    {
        using var s = new Scratch();
        s.LoadBase();
        var c = Cases[dataset];
        var path = s.Write(c.File, c.Content);
        if (format == "xlsx") path = CsvToXlsx(path);
        var report = s.Load(path);
        var file = Assert.Single(report.Files);
        Assert.True(file.ErrorCount == 0, string.Join("\n", file.Errors.Select(e => $"{e.Line} {e.Column} {e.Value}: {e.ReasonEn}")));
        Assert.Equal(dataset, file.Dataset);
        Assert.Equal(LoadOutcome.Loaded, file.Outcome);
        Assert.Equal(c.Rows, file.RowsRead);
        Assert.Equal(c.Rows, file.Inserted);
        Assert.Equal(c.Expected, s.Query<string>(c.Sql).Single());
        // lineage: every row points at this file's journal row
        var table = dataset;
        var lineage = s.Query<(string, string, string)>(
            $"select distinct l.file_name, l.sha256, l.outcome from raw.{table} r join meta.loads l using (load_id) where l.load_id = {file.LoadId}").Single();
        Assert.Equal((Path.GetFileName(path), file.Sha256, "loaded"), lineage);
        if (format == "xlsx")
            Assert.Equal(c.Rows, s.Query<long>($"select count(*) from raw.{table} where load_id = {file.LoadId} and source_sheet = 'Dữ liệu' and source_line >= 2").Single());
    }

    [Fact]
    public void Negative_revenue_month_loads_with_a_warning()
    {
        using var s = new Scratch();
        s.LoadBase();
        var report = s.Load(s.Write(Cases["revenue"].File, Cases["revenue"].Content));
        var w = Assert.Single(report.Files[0].Warnings);
        Assert.Equal((7, "amount_bn_vnd", "-0.5"), (w.Line!.Value, w.Column!, w.Value!));
        Assert.True(report.Ok);
    }

    /// <summary>The same table as a workbook, typed as Excel would type it: numbers as numbers, ISO dates as date cells.</summary>
    internal static string CsvToXlsx(string csvPath)
    {
        using var reader = CsvTableReader.Open(csvPath);
        var rows = reader.Records().Select(r => (IReadOnlyList<object?>)r.Cells.Select(Typed).ToList()).ToList();
        var xlsx = Path.ChangeExtension(csvPath, ".xlsx");
        using (var stream = File.Create(xlsx))
        using (var writer = new XlsxWriter(stream))
        {
            writer.AddSheet("Hướng dẫn", ["Điền số liệu ở trang sau"], []);
            writer.AddSheet("Dữ liệu", reader.Header!, rows);
        }
        return xlsx;
    }

    private static object? Typed(Cell c)
    {
        var t = c.Text;
        if (t.Length == 0) return null;
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (!(t.StartsWith('0') && t.Length > 1 && t[1] != '.') && double.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)) return n;
        return t;
    }
}
