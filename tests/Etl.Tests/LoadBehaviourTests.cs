using System.Text;
using System.Text.Json;
using Analytics.Etl.Datasets;
using Analytics.Etl.Input;
using Analytics.Etl.Loading;

namespace Analytics.Etl.Tests;

public class LoadBehaviourTests
{
    private const string StaffingHeader = "snapshot_date,unit_code,position_group,specialty,quota,actual";

    [Fact]
    public void A_refused_file_changes_no_raw_table_even_when_most_rows_are_valid()
    {
        using var s = new Scratch();
        s.LoadBase();
        var before = s.RawCounts();
        var path = s.Write("staffing_q1.csv", $"""
            {StaffingHeader}
            2026-01-15,09801,cong_chuc,dat_dai,2,3
            2026-01-15,09801,cong_chuc,cntt,2,1
            2026-01-15,09802,cong_chuc,dat_dai,x,1
            2026-01-15,09802,cong_chuc,cntt,1,-1
            """);
        var report = s.Load(path);
        var f = report.Files.Single();
        Assert.Equal(LoadOutcome.Refused, f.Outcome);
        Assert.Equal(4, f.RowsRead);
        Assert.Equal(2, f.Rejected);
        Assert.Equal(0, f.Inserted);
        Assert.Equal([(4, "quota"), (5, "actual")], f.Errors.Select(e => (e.Line!.Value, e.Column!)));
        Assert.Equal(before, s.RawCounts());
        Assert.Equal(("refused", 4, 2), s.Query<(string, int, int)>("select outcome, rows_read, rejected from meta.loads where file_name = 'staffing_q1.csv'").Single());
    }

    [Fact]
    public void Loading_the_identical_file_again_changes_nothing_and_says_so()
    {
        using var s = new Scratch();
        s.LoadBase();
        var path = s.Write("staffing_q1.csv", $"{StaffingHeader}\n2026-01-15,09801,cong_chuc,dat_dai,2,3\n2026-01-15,09801,cong_chuc,cntt,2,1\n");
        var first = s.Load(path).Files.Single();
        var loadIds = s.Query<long>("select load_id from raw.staffing order by specialty");
        var second = s.Load(path).Files.Single();
        Assert.Equal((LoadOutcome.Loaded, 2L), (first.Outcome, first.Inserted));
        Assert.Equal((LoadOutcome.Unchanged, 0L, 0L, 2L), (second.Outcome, second.Inserted, second.Replaced, second.Unchanged));
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(loadIds, s.Query<long>("select load_id from raw.staffing order by specialty"));
        Assert.Equal(["loaded", "unchanged"], s.Query<string>("select outcome from meta.loads where dataset = 'staffing' order by load_id"));
    }

    [Fact]
    public void A_corrected_resubmission_replaces_rows_by_key_and_counts_them()
    {
        using var s = new Scratch();
        s.LoadBase();
        s.Load(s.Write("staffing_v1.csv", $"{StaffingHeader}\n2026-01-15,09801,cong_chuc,dat_dai,2,3\n2026-01-15,09801,cong_chuc,cntt,2,1\n"));
        var v2 = s.Load(s.Write("staffing_v2.csv", $"{StaffingHeader}\n2026-01-15,09801,cong_chuc,dat_dai,2,2\n2026-01-15,09801,cong_chuc,cntt,2,1\n2026-01-15,09802,cong_chuc,cntt,1,1\n")).Files.Single();
        Assert.Equal((1L, 1L, 1L, LoadOutcome.Loaded), (v2.Inserted, v2.Replaced, v2.Unchanged, v2.Outcome));
        Assert.Equal(3, s.Count("raw.staffing"));
        Assert.Equal(("staffing_v2.csv", 2), s.Query<(string, int)>(
            "select l.file_name, r.actual from raw.staffing r join meta.loads l using (load_id) where r.specialty = 'dat_dai' and r.unit_code = '09801'").Single());
        Assert.Equal("staffing_v1.csv", s.Query<string>(
            "select l.file_name from raw.staffing r join meta.loads l using (load_id) where r.specialty = 'cntt' and r.unit_code = '09801'").Single());
    }

    [Fact]
    public void Partial_loads_the_valid_rows_and_writes_the_refused_ones_with_their_reasons()
    {
        using var s = new Scratch();
        s.LoadBase();
        var rejectsDir = Path.Combine(s.Dir, "out");
        var path = s.Write("staffing_p.csv", $"""
            {StaffingHeader},ghi_chu_them
            2026-01-15,09801,cong_chuc,dat_dai,2,3,a
            2026-01-15,09899,cong_chuc,cntt,2,1,"b, c"
            2026-01-15,09802,cong_chuc,dat_dai,-2,1,d
            2026-01-15,09802,cong_chuc,cntt,1,1,e
            """);
        var report = s.Load(new LoadOptions { Partial = true, RejectsDirectory = rejectsDir }, path);
        var f = report.Files.Single();
        Assert.False(report.Ok);
        Assert.Equal((LoadOutcome.Partial, 4L, 2L, 2L), (f.Outcome, f.RowsRead, f.Inserted, f.Rejected));
        Assert.Equal(["09801|dat_dai", "09802|cntt"], s.Query<string>("select unit_code || '|' || specialty from raw.staffing order by 1"));
        Assert.Equal(Path.Combine(rejectsDir, "staffing_p.rejects.csv"), f.RejectsFile);
        var lines = File.ReadAllLines(f.RejectsFile!, Encoding.UTF8);
        Assert.Equal("snapshot_date,unit_code,position_group,specialty,quota,actual,ghi_chu_them,line,reason", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("2026-01-15,09899,cong_chuc,cntt,2,1,\"b, c\",3,unit_code: mã đơn vị không có trong danh mục đơn vị / unit_code is not a known unit", lines[1]);
        Assert.StartsWith("2026-01-15,09802,cong_chuc,dat_dai,-2,1,d,4,quota:", lines[2]);
        Assert.Equal(("partial", 2, 2), s.Query<(string, int, int)>("select outcome, inserted, rejected from meta.loads where file_name = 'staffing_p.csv'").Single());
        // the rejects file is itself a loadable staffing file once corrected (extra columns only warn)
        using var reread = CsvTableReader.Open(f.RejectsFile!);
        Assert.Equal(2, reread.Records().Count());
    }

    [Fact]
    public void Partial_also_refuses_rows_whose_parent_was_refused()
    {
        using var s = new Scratch();
        s.LoadBase();
        var path = s.Write("units_p.csv", """
            unit_code,unit_name,unit_type,parent_code
            X1,Xã Một,xa,99
            X2,Thôn của X1,xa,X1
            X3,Xã Ba,xa,98
            """);
        var f = s.Load(new LoadOptions { Partial = true, RejectsDirectory = s.Dir }, path).Files.Single();
        Assert.Equal((1L, 2L), (f.Inserted, f.Rejected));
        Assert.Contains(f.Errors, e => e.Line == 3 && e.Column == "parent_code");
        Assert.Equal(["X3"], s.Query<string>("select unit_code from raw.units where unit_code like 'X%'"));
    }

    [Fact]
    public void A_folder_loads_units_first_whatever_the_names()
    {
        using var s = new Scratch();
        s.Write("in/tasks_2026.csv", "task_id,source_doc,source_date,title,lead_unit\nK1,1-CV/TU,2026-01-02,Việc,Z1\n");
        s.Write("in/task_updates_2026.csv", "task_id,report_date,status\nK1,2026-01-05,dang_thuc_hien\n");
        s.Write("in/units_new.csv", "unit_code,unit_name,unit_type\nZ1,Tỉnh Z,tinh\n");
        var report = s.Load(Path.Combine(s.Dir, "in"));
        Assert.Equal(["units", "tasks", "task_updates"], report.Files.Select(f => f.Dataset));
        Assert.True(report.Ok);
    }

    [Fact]
    public void Delimiter_bom_and_vietnamese_numbers_load_the_same_values()
    {
        using var s = new Scratch();
        s.LoadBase();
        var semicolon = s.Write("revenue_vi.csv", "\uFEFFKỳ;Mã đơn vị;Khoản thu;Số tiền (tỷ đồng)\n01/2026;98;Thu nội địa;1.234,5\n02/2026;98;thu_noi_dia;197.810\n", bom: false);
        var report = s.Load(new LoadOptions { Locale = NumberLocale.Vietnamese }, semicolon);
        Assert.True(report.Ok, string.Join("; ", report.Files[0].Errors.Select(e => e.ReasonEn)));
        Assert.Equal([1234.5, 197810.0], s.Query<double>("select amount_bn_vnd from raw.revenue order by month"));
        var tab = s.Write("revenue_tab.csv", "period\tunit_code\tcategory\tamount_bn_vnd\n2026-03\t98\tthu_noi_dia\t134.2\n", bom: true);
        Assert.True(s.Load(tab).Ok);
        Assert.Equal(134.2, s.Query<double>("select amount_bn_vnd from raw.revenue where month = 3").Single());
    }

    [Fact]
    public void Header_only_file_is_accepted_as_zero_rows_and_an_empty_file_is_refused()
    {
        using var s = new Scratch();
        var header = s.Load(s.Write("units_h.csv", "unit_code,unit_name,unit_type\n")).Files.Single();
        Assert.Equal((LoadOutcome.Loaded, 0L), (header.Outcome, header.RowsRead));
        var empty = s.Load(s.WriteBytes("units_e.csv", [])).Files.Single();
        Assert.Equal(LoadOutcome.Refused, empty.Outcome);
        Assert.Contains("empty", empty.Errors.Single().ReasonEn);
    }

    [Fact]
    public void Unknown_columns_are_warnings_but_extraction_columns_of_tasks_are_not()
    {
        using var s = new Scratch();
        s.LoadBase();
        var f = s.Load(s.Write("tasks_x.csv", "task_id,source_doc,source_date,title,lead_unit,confidence,review_note,Người theo dõi\nK1,1-CV/TU,2026-01-02,Việc,98,0.93,,Anh Minh\n")).Files.Single();
        Assert.Equal(LoadOutcome.Loaded, f.Outcome);
        var w = Assert.Single(f.Warnings);
        Assert.Equal((1, "Người theo dõi"), (w.Line!.Value, w.Column!));
    }

    [Fact]
    public void Xlsx_errors_name_the_sheet_and_row()
    {
        using var s = new Scratch();
        s.LoadBase();
        var path = Path.Combine(s.Dir, "staffing_2026.xlsx");
        using (var stream = File.Create(path))
        using (var w = new XlsxWriter(stream))
        {
            w.AddSheet("Bìa", ["PHỤ LỤC BIÊN CHẾ"], [["Xã Nam"]]);
            w.AddSheet("Số liệu", ["Số liệu đến ngày", "Mã đơn vị", "Nhóm", "Lĩnh vực", "Biên chế được giao", "Số có mặt"],
            [
                [new DateOnly(2026, 1, 15), "09801", "Công chức", "Đất đai", 2, 3],
                [new DateOnly(2026, 1, 15), "09801", "Công chức", "Tư pháp, hộ tịch", "hai", 1],
            ]);
        }
        var f = s.Load(path).Files.Single();
        var e = Assert.Single(f.Errors);
        Assert.Equal(("Số liệu", 3, "quota", "hai"), (e.Sheet!, e.Line!.Value, e.Column!, e.Value!));
        Assert.Equal("staffing_2026.xlsx[Số liệu]!3", e.Where(f.File));
        var json = JsonDocument.Parse(new LoadReport { Files = { f } }.ToJson()).RootElement.GetProperty("files")[0].GetProperty("errors")[0];
        Assert.Equal("Số liệu", json.GetProperty("sheet").GetString());
        Assert.Equal(3, json.GetProperty("row").GetInt32());
        Assert.False(json.TryGetProperty("line", out _));
    }

    [Fact]
    public void All_errors_are_counted_and_the_first_thousand_listed()
    {
        using var s = new Scratch();
        s.LoadBase();
        var sb = new StringBuilder(StaffingHeader + "\n");
        for (var i = 0; i < 1500; i++) sb.Append($"2026-01-15,09801,cong_chuc,dat_dai,{i},-1\n");
        var f = s.Load(s.Write("staffing_many.csv", sb.ToString())).Files.Single();
        Assert.Equal(1500, f.ErrorCount);
        Assert.Equal(1000, f.Errors.Count);
        Assert.Equal(1500, f.Rejected);
        Assert.Equal(2, f.Errors[0].Line);
    }

    [Fact]
    public void Duplicate_keys_name_both_lines()
    {
        using var s = new Scratch();
        s.LoadBase();
        var f = s.Load(s.Write("staffing_d.csv", $"{StaffingHeader}\n2026-01-15,09801,cong_chuc,dat_dai,2,3\n2026-01-15,09801,cong_chuc,cntt,2,1\n15/01/2026,09801,Công chức,Đất đai,2,2\n")).Files.Single();
        // one error per repeated key, on the line that repeats it, naming every line of it
        Assert.Equal([4], f.Errors.Select(e => e.Line!.Value));
        Assert.Contains("on 2 lines: 2, 4", f.Errors[0].ReasonEn);
        Assert.Contains("trên 2 dòng: 2, 4", f.Errors[0].ReasonVi);
        Assert.Equal(2, f.Rejected);
    }

    [Fact]
    public void A_key_repeated_on_many_lines_is_one_error_with_a_count_and_every_line_is_refused()
    {
        using var s = new Scratch();
        s.LoadBase();
        var same = string.Concat(Enumerable.Repeat("2026-01-15,09801,cong_chuc,dat_dai,2,3\n", 1200));
        var f = s.Load(new LoadOptions { Partial = true, RejectsDirectory = s.Dir },
            s.Write("staffing_same.csv", $"{StaffingHeader}\n2026-01-15,09802,cong_chuc,cntt,1,1\n{same}")).Files.Single();
        var e = Assert.Single(f.Errors);
        Assert.Equal(4, e.Line);   // the key's lines are 3…1202: the error stands where it is first repeated
        Assert.Equal("2026-01-15 / 09801 / cong_chuc / dat_dai", e.Value);
        Assert.Equal("trùng khóa (snapshot_date, unit_code, position_group, specialty) trên 1.200 dòng: 3, 4, 5, 6, 7, …", e.ReasonVi);
        Assert.Equal("duplicate key (snapshot_date, unit_code, position_group, specialty) on 1,200 lines: 3, 4, 5, 6, 7, …", e.ReasonEn);
        Assert.Equal((LoadOutcome.Partial, 1L, 1200L), (f.Outcome, f.Inserted, f.Rejected));
        Assert.Equal(1201, File.ReadAllLines(f.RejectsFile!).Length);
    }

    [Fact]
    public void Codes_keep_leading_zeros()
    {
        using var s = new Scratch();
        var f = s.Load(s.Write("units_z.csv", "unit_code,unit_name,unit_type\n00031,Tỉnh Không Ba Mốt,tinh\n31,Tỉnh Ba Mốt,tinh\n")).Files.Single();
        Assert.Equal(2, f.Inserted);
        Assert.Equal(["00031", "31"], s.Query<string>("select unit_code from raw.units order by 1"));
    }

    [Fact]
    public void The_json_report_has_the_contract_shape()
    {
        using var s = new Scratch();
        s.LoadBase();
        var report = s.Load(RepoPaths.Acceptance("broken/staffing_negative_quota.csv"));
        var root = JsonDocument.Parse(report.ToJson()).RootElement;
        Assert.False(root.GetProperty("ok").GetBoolean());
        var file = root.GetProperty("files")[0];
        Assert.Equal("staffing_negative_quota.csv", file.GetProperty("file").GetString());
        Assert.Equal("staffing", file.GetProperty("dataset").GetString());
        Assert.Equal(64, file.GetProperty("sha256").GetString()!.Length);
        foreach (var (name, value) in new[] { ("rows_read", 1), ("inserted", 0), ("replaced", 0), ("unchanged", 0), ("rejected", 1) })
            Assert.Equal(value, file.GetProperty(name).GetInt32());
        var error = file.GetProperty("errors")[0];
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Equal("quota", error.GetProperty("column").GetString());
        Assert.Equal("-1", error.GetProperty("value").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("reason_vi").GetString()));
        Assert.Equal(JsonValueKind.Array, file.GetProperty("warnings").ValueKind);
    }
}

public class AcceptanceExampleTests
{
    [Fact]
    public void The_examples_folder_loads_with_the_right_row_counts()
    {
        using var s = new Scratch();
        var report = s.Load(RepoPaths.Acceptance("examples"));
        Assert.True(report.Ok, string.Join("\n", report.Files.SelectMany(f => f.Errors.Select(e => $"{f.File}:{e.Line} {e.Column} {e.ReasonEn}"))));
        var expected = new Dictionary<string, long>
        {
            ["units"] = 6, ["tasks"] = 7, ["task_updates"] = 7, ["staffing"] = 6, ["admin_indices"] = 4,
            ["revenue"] = 30, ["revenue_targets"] = 2, ["grdp"] = 2, ["kpi_targets"] = 2,
        };
        Assert.Equal(expected.Keys.ToList(), report.Files.Select(f => f.Dataset).ToList());
        foreach (var (table, rows) in expected)
        {
            Assert.Equal(rows, s.Count($"raw.{table}"));
            Assert.Equal(rows, report.Files.Single(f => f.Dataset == table).Inserted);
        }
        Assert.Equal("thuong_xuyen", s.Query<string>("select due_kind from raw.tasks where task_id = 'E5'").Single());
        Assert.Equal(9, s.Count("meta.loads"));
    }

    [Theory]
    [InlineData("revenue_us_number.csv", 2, "amount_bn_vnd")]
    [InlineData("staffing_negative_quota.csv", 2, "quota")]
    [InlineData("tasks_unknown_lead.csv", 2, "lead_unit")]
    public void The_broken_examples_are_refused(string file, int line, string column)
    {
        using var s = new Scratch();
        s.Load(RepoPaths.Acceptance("examples"));
        var before = s.RawCounts();
        var report = s.Load(RepoPaths.Acceptance("broken/" + file));
        ReportAssert.RefusedAt(report, line, column);
        Assert.Equal(before, s.RawCounts());
    }
}

public class ValidateTests
{
    [Fact]
    public void Validate_runs_the_checks_and_writes_nothing()
    {
        using var s = new Scratch { InMemory = false };
        s.LoadBase();
        s.Close();
        var before = File.ReadAllBytes(s.Db);
        var good = s.Write("staffing_ok.csv", $"snapshot_date,unit_code,position_group,specialty,quota,actual\n2026-01-15,09801,cong_chuc,dat_dai,2,3\n");
        var bad = s.Write("tasks_bad.csv", "task_id,source_doc,source_date,title,lead_unit\nK1,1-CV/TU,2026-01-02,Việc,09899\n");
        var report = LoadPipeline.Validate([good, bad], new LoadOptions(), s.Db);
        Assert.Equal([LoadOutcome.Valid, LoadOutcome.Refused], report.Files.OrderBy(f => f.File).Select(f => f.Outcome));
        Assert.Equal(1, report.Files.Single(f => f.Dataset == "staffing").Inserted);
        Assert.Equal("lead_unit", report.Files.Single(f => f.Dataset == "tasks").Errors.Single().Column);
        Assert.Equal(before, File.ReadAllBytes(s.Db));
        Assert.Equal(0, s.Count("raw.staffing"));
    }

    [Fact]
    public void Validate_against_an_open_warehouse_checks_references_and_writes_nothing()
    {
        using var s = new Scratch();
        s.LoadBase();
        var before = s.RawCounts();
        var tasks = s.Write("tasks_new.csv", "task_id,source_doc,source_date,title,lead_unit,support_units\nK1,1-CV/TU,2026-01-02,Việc,09801,98S01\nK2,1-CV/TU,2026-01-02,Việc khác,09899,\n");
        var updates = s.Write("task_updates_new.csv", "task_id,report_date,status,completed_date\nT1,2026-03-01,hoan_thanh,2026-01-05\n");
        var report = LoadPipeline.Validate(s.Connection, [tasks, updates], new LoadOptions());
        var t = report.Files.Single(f => f.Dataset == "tasks");
        Assert.Equal((3, "lead_unit"), (t.Errors.Single().Line!.Value, t.Errors.Single().Column!));
        var u = report.Files.Single(f => f.Dataset == "task_updates");
        Assert.Equal("completed_date", u.Errors.Single().Column); // T1 was assigned 2026-01-10 in the warehouse
        Assert.Equal(before, s.RawCounts());
        Assert.Equal(2, s.Count("meta.loads"));
    }

    [Fact]
    public void Without_a_warehouse_references_are_checked_against_the_files_of_the_run()
    {
        using var s = new Scratch();
        var units = s.Write("units.csv", "unit_code,unit_name,unit_type\n98,Tỉnh Mẫu,tinh\n");
        var staffing = s.Write("staffing.csv", "snapshot_date,unit_code,position_group,specialty,quota,actual\n2026-01-15,98,cong_chuc,dat_dai,2,3\n2026-01-15,99,cong_chuc,dat_dai,2,3\n");
        var withUnits = LoadPipeline.Validate([staffing, units], new LoadOptions());
        Assert.Equal(3, withUnits.Files.Single(f => f.Dataset == "staffing").Errors.Single().Line);
        var alone = LoadPipeline.Validate([staffing], new LoadOptions()).Files.Single();
        Assert.Equal(LoadOutcome.Valid, alone.Outcome);
        Assert.Contains(alone.Warnings, w => w.ReasonEn.Contains("not checked"));
    }
}

public class RuleMessageTests
{
    [Fact]
    public void A_revenue_tree_mismatch_names_both_figures()
    {
        using var s = new Scratch();
        s.LoadBase();
        var f = s.Load(s.Write("revenue_t.csv", """
            period,unit_code,category,amount_bn_vnd
            2026-01,98,tong_thu,20
            2026-01,98,thu_noi_dia,12
            2026-01,98,thu_xuat_nhap_khau,5
            2026-01,98,thu_dau_tho,0
            2026-01,98,thu_vien_tro,2.4
            """)).Files.Single();
        var e = Assert.Single(f.Errors);
        Assert.Equal((2, "amount_bn_vnd", "20.0"), (e.Line!.Value, e.Column!, e.Value!));
        Assert.Contains("20.0", e.ReasonEn);
        Assert.Contains("19.4", e.ReasonEn);
        Assert.Contains("19.4", e.ReasonVi);
    }

    [Fact]
    public void Within_half_a_billion_the_tree_is_accepted()
    {
        using var s = new Scratch();
        s.LoadBase();
        var report = s.Load(s.Write("revenue_t.csv", "period,unit_code,category,amount_bn_vnd\n2026-01,98,thu_noi_dia,10.4\n2026-01,98,thu_tien_su_dung_dat,5\n2026-01,98,thu_xo_so,1\n2026-01,98,thu_noi_dia_khac,4\n"));
        Assert.True(report.Ok);
    }

    [Fact]
    public void A_cycle_message_shows_the_chain()
    {
        using var s = new Scratch();
        s.LoadBase();
        var f = s.Load(s.Write("units_c.csv", "unit_code,unit_name,unit_type,parent_code\nX1,Xã Một,xa,X2\nX2,Xã Hai,xa,X1\n")).Files.Single();
        Assert.Contains(f.Errors, e => e.Line == 2 && e.ReasonEn.Contains("X1 → X2 → X1"));
        Assert.Contains(f.Errors, e => e.Line == 3 && e.ReasonEn.Contains("X2 → X1 → X2"));
    }

    [Fact]
    public void Old_excel_files_are_refused_with_advice()
    {
        using var s = new Scratch();
        var f = s.Load(s.WriteBytes("staffing.xls", [0xD0, 0xCF, 0x11, 0xE0])).Files.Single();
        Assert.Equal(LoadOutcome.Refused, f.Outcome);
        Assert.Contains(".xlsx", f.Errors.Single().ReasonEn);
    }

    [Fact]
    public void A_damaged_workbook_is_refused_not_crashed()
    {
        using var s = new Scratch();
        var path = Path.Combine(s.Dir, "units_bad.xlsx");
        Analytics.Etl.Input.XlsxWriter.WriteFile(path, "DS", ["unit_code", "unit_name", "unit_type"],
            Enumerable.Range(0, 20000).Select(i => (IReadOnlyList<object?>)[$"U{i}", $"Đơn vị {i} {Guid.NewGuid()}", "tinh"]));
        var bytes = File.ReadAllBytes(path);
        for (var i = bytes.Length / 4; i < bytes.Length / 4 + 64; i++) bytes[i] ^= 0x5A;
        File.WriteAllBytes(path, bytes);
        var f = s.Load(path).Files.Single();
        Assert.Equal(LoadOutcome.Refused, f.Outcome);
        Assert.NotEmpty(f.Errors);
        Assert.Equal(0, s.Count("raw.units"));
    }

    [Fact]
    public void Duplicate_rows_in_a_sheet_are_called_rows()
    {
        using var s = new Scratch();
        s.LoadBase();
        var path = Path.Combine(s.Dir, "units_d.xlsx");
        Analytics.Etl.Input.XlsxWriter.WriteFile(path, "DS", ["unit_code", "unit_name", "unit_type"], [["X1", "A", "tinh"], ["X1", "B", "tinh"]]);
        var f = s.Load(path).Files.Single();
        Assert.Equal([("DS", 3)], f.Errors.Select(e => (e.Sheet!, e.Line!.Value)));
        Assert.Contains("on 2 rows: 2, 3", f.Errors[0].ReasonEn);
        Assert.Contains("trên 2 hàng: 2, 3", f.Errors[0].ReasonVi);
    }
}
