using System.Text;
using Analytics.Etl.Datasets;
using Analytics.Etl.Input;
using Analytics.Etl.Loading;

namespace Analytics.Etl.Tests;

/// <summary>
/// Issue 13: files as commune offices make them. The workbooks are built here with the project's
/// XlsxWriter (merged cells, hidden sheets, percent formats), the CSVs sit in Corpus/broken.
/// Each test asserts the number that loads, or the refused cell, and what the report says.
/// </summary>
public class CommuneFileTests
{
    private static readonly DateOnly Jan15 = new(2026, 1, 15);
    private static readonly string[] StaffingHeadings = ["Số liệu đến ngày", "Mã đơn vị", "Nhóm", "Lĩnh vực", "Biên chế được giao", "Số có mặt"];

    private static string Workbook(Scratch s, string name, Action<XlsxWriter> build)
    {
        var path = Path.Combine(s.Dir, name);
        using var stream = File.Create(path);
        using var w = new XlsxWriter(stream);
        build(w);
        return path;
    }

    private static string Errors(FileReport f) => string.Join("; ", f.Errors.Select(e => $"{e.Where(f.File)} {e.Column} [{e.Value}] {e.ReasonEn}"));

    // ---- 1: Vietnamese thousands ----

    [Fact]
    public void A_count_written_8_000_loads_as_eight_thousand_with_locale_vi_and_is_refused_without()
    {
        using var s = new Scratch();
        s.LoadBase();
        var path = s.Write("staffing_q.csv", "snapshot_date,unit_code,position_group,specialty,quota,actual\n2026-01-15,09801,cong_chuc,dat_dai,8.000,7\n");
        var refused = s.Load(path).Files.Single();
        var issue = ReportAssert.RefusedAt(new LoadReport { Files = { refused } }, 2, "quota");
        Assert.Contains("--locale vi", issue.ReasonEn);
        Assert.Contains("8000", issue.ReasonVi);
        Assert.True(s.Load(new LoadOptions { Locale = NumberLocale.Vietnamese }, path).Ok);
        Assert.Equal(8000L, s.Query<long>("select quota from raw.staffing").Single());
    }

    [Fact]
    public void Revenue_1_234_beside_45_in_a_workbook_is_refused_naming_the_cell()
    {
        using var s = new Scratch();
        s.LoadBase();
        var path = Workbook(s, "revenue_wb.xlsx", w => w.AddSheet("Thu", ["period", "unit_code", "category", "amount_bn_vnd"],
        [
            ["2026-01", "98", "thu_noi_dia", 45],
            ["2026-02", "98", "thu_noi_dia", "1.234"],
        ]));
        var report = s.Load(path);
        var issue = ReportAssert.RefusedAt(report, 3, "amount_bn_vnd");
        Assert.Equal("1.234", issue.Value);
        Assert.Contains("--locale vi", issue.ReasonVi);
        Assert.Equal(0L, s.Count("raw.revenue"));
    }

    [Fact]
    public void Dotted_decimals_beside_other_decimals_are_decimals()
    {
        using var s = new Scratch();
        s.LoadBase();
        var report = s.Load(s.Write("revenue_dec.csv", "period,unit_code,category,amount_bn_vnd\n2026-01,98,thu_noi_dia,1.234\n2026-02,98,thu_noi_dia,12.5\n"));
        Assert.True(report.Ok, Errors(report.Files[0]));
        Assert.Equal([1.234, 12.5], s.Query<double>("select amount_bn_vnd from raw.revenue order by month"));
    }

    // ---- 2, 3: sheets ----

    [Fact]
    public void Two_sheets_with_the_same_columns_are_refused_naming_both()
    {
        using var s = new Scratch();
        s.LoadBase();
        var path = Workbook(s, "staffing_two.xlsx", w =>
        {
            w.AddSheet("Trước sắp xếp", StaffingHeadings, [[Jan15, "09801", "Công chức", "Đất đai", 2, 2]]);
            w.AddSheet("Sau sắp xếp", StaffingHeadings, [[Jan15, "09802", "Công chức", "Đất đai", 3, 3]]);
        });
        var f = s.Load(path).Files.Single();
        Assert.Equal(LoadOutcome.Refused, f.Outcome);
        var e = Assert.Single(f.Errors);
        Assert.Contains("Trước sắp xếp", e.ReasonVi);
        Assert.Contains("Sau sắp xếp", e.ReasonEn);
        Assert.Equal(0L, s.Count("raw.staffing"));
    }

    [Fact]
    public void A_hidden_template_sheet_is_skipped_and_the_report_names_the_sheet_read()
    {
        using var s = new Scratch();
        s.LoadBase();
        var path = Workbook(s, "staffing_hidden.xlsx", w =>
        {
            w.AddRows("Mẫu", [StaffingHeadings, [Jan15, "09802", "Công chức", "Đất đai", 99, 99]], hidden: true);
            w.AddSheet("Số liệu", StaffingHeadings, [[Jan15, "09801", "Công chức", "Đất đai", 2, 1]]);
        });
        var f = s.Load(path).Files.Single();
        Assert.Equal(LoadOutcome.Loaded, f.Outcome);
        Assert.Equal(["Số liệu"], f.Sheets);
        Assert.Contains(f.Notes, n => n.Sheet == "Mẫu" && n.ReasonEn.Contains("hidden"));
        Assert.Equal([(2L, 1L)], s.Query<(long, long)>("select quota, actual from raw.staffing"));
        Assert.Equal("Số liệu", s.Query<string>("select source_sheet from raw.staffing").Single());
    }

    // ---- 4: percent cells ----

    [Fact]
    public void A_percent_cell_in_a_percent_column_reads_35_and_elsewhere_is_refused()
    {
        using var s = new Scratch();
        s.LoadBase();
        var path = Workbook(s, "task_updates_pct.xlsx", w => w.AddSheet("Tiến độ", ["Mã nhiệm vụ", "Ngày báo cáo", "Trạng thái", "Tiến độ (%)"],
            [["T1", new DateOnly(2026, 2, 1), "đang thực hiện", new PercentCell(0.35)]]));
        Assert.True(s.Load(path).Ok);
        Assert.Equal(35.0, s.Query<double>("select progress_pct from raw.task_updates").Single());

        var quota = Workbook(s, "staffing_pct.xlsx", w => w.AddSheet("Số liệu", StaffingHeadings, [[Jan15, "09801", "Công chức", "Đất đai", new PercentCell(0.5), 1]]));
        var issue = ReportAssert.RefusedAt(s.Load(quota), 2, "quota");
        Assert.Contains("percent", issue.ReasonEn);
    }

    // ---- 5: a folder's other files ----

    [Fact]
    public void A_folder_lists_every_file_it_does_not_read_and_fails_on_tables_it_cannot_read()
    {
        using var s = new Scratch();
        s.Write("in/units_a.csv", "unit_code,unit_name,unit_type\nZ1,Tỉnh Z,tinh\n");
        s.WriteBytes("in/staffing_old.xls", [0xD0, 0xCF, 0x11, 0xE0]);
        s.WriteBytes("in/staffing_lo.ods", [0x50, 0x4B, 0x03, 0x04]);
        s.Write("in/revenue.txt", "period\tunit_code\n");
        s.Write("in/README.md", "# notes");
        var report = s.Load(Path.Combine(s.Dir, "in"));
        Assert.Equal(["units"], report.Files.Select(f => f.Dataset));
        Assert.False(report.Ok);
        Assert.Equal(["revenue.txt", "staffing_lo.ods", "staffing_old.xls"], report.NotRead.Where(n => n.Blocking).Select(n => n.File).Order());
        Assert.Contains(report.NotRead, n => n.File == "README.md" && !n.Blocking);
        Assert.Contains("not_read", report.ToJson());
    }

    // ---- 6–9: the template as an office fills it ----

    /// <summary>Title block, two-row merged headings, STT, column numbers, groups, vertical merges, subtotals, total, signatures.</summary>
    private static string OfficeStaffing(Scratch s, string name, int total)
    {
        return Workbook(s, name, w => w.AddRows("Biểu 01",
        [
            ["ĐẢNG ỦY PHƯỜNG BẮC", null, null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
            ["BIỂU THỐNG KÊ SỐ LƯỢNG CÁN BỘ, CÔNG CHỨC"],
            ["(Kèm theo Báo cáo số 14-BC/ĐU ngày 05/4/2026 của Đảng ủy phường Bắc)"],
            null,
            ["STT", "Số liệu đến ngày", "Mã đơn vị (*)", "Nhóm", "Lĩnh vực", "Số lượng", null, "Ghi chú"],
            [null, null, null, null, null, "Biên chế giao", "Có mặt", null],
            ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
            ["I", "Cán bộ"],
            [1, Jan15, "09801", "Cán bộ", "Lãnh đạo", 3, 3],
            [2, null, null, null, "Văn phòng", 2, 1, "thiếu 1"],
            [null, "Cộng", null, null, null, 5, 4],
            ["II", "Công chức"],
            [3, Jan15, "09801", "Công chức", "Đất đai", 4, 3],
            [4, null, null, null, "Tư pháp, hộ tịch", 2, 2],
            [null, "Cộng", null, null, null, 6, 5],
            [null, "Tổng cộng", null, null, null, total, 9],
            null,
            [null, null, null, null, "Phường Bắc, ngày 05 tháng 4 năm 2026"],
            [null, "Người lập biểu", null, null, "CHỦ TỊCH"],
            [null, "(Ký, ghi rõ họ tên)", null, null, "(Ký tên, đóng dấu)"],
            [null, "Nguyễn Thị Lan", null, null, "Trần Văn Hùng"],
        ], ["A1:C1", "A2:H2", "A3:H3", "A5:A6", "B5:B6", "C5:C6", "D5:D6", "E5:E6", "F5:G5", "H5:H6",
            "B9:B10", "C9:C10", "D9:D10", "B13:B14", "C13:C14", "D13:D14"]));
    }

    [Fact]
    public void An_office_template_loads_its_four_rows_and_notes_every_row_it_skips()
    {
        using var s = new Scratch();
        s.LoadBase();
        var f = s.Load(OfficeStaffing(s, "staffing_office.xlsx", total: 11)).Files.Single();
        Assert.True(f.Outcome == LoadOutcome.Loaded, Errors(f));
        Assert.Equal(4, f.RowsRead);
        Assert.Equal(
            [("09801", "can_bo", "lanh_dao", 3L, 3L), ("09801", "can_bo", "van_phong", 2L, 1L), ("09801", "cong_chuc", "dat_dai", 4L, 3L), ("09801", "cong_chuc", "tu_phap", 2L, 2L)],
            s.Query<(string, string, string, long, long)>("select unit_code, position_group, specialty, quota, actual from raw.staffing order by source_line"));
        Assert.Equal([Jan15], s.Query<DateOnly>("select distinct snapshot_date from raw.staffing"));
        var noted = f.Notes.Where(n => n.Line is not null).Select(n => n.Line!.Value).ToHashSet();
        foreach (var line in new[] { 1, 2, 3, 5, 7, 8, 11, 12, 15, 16, 18, 19, 20, 21 })
            Assert.True(noted.Contains(line), $"row {line} is not noted: " + string.Join("; ", f.Notes.Select(n => $"{n.Line} {n.ReasonEn}")));
        Assert.Contains(f.Notes, n => n.Line == 5 && n.ReasonEn.Contains("two rows"));
        Assert.Contains(f.Notes, n => n.Line == 9 && n.Column == "Số liệu đến ngày" && n.ReasonEn.Contains("filled down"));
        Assert.Contains(f.Notes, n => n.Line == 16 && n.ReasonEn.Contains("equals the sum"));
        Assert.Contains(f.Notes, n => n.Line == 18 && n.ReasonEn.Contains("signature"));
        Assert.Contains(f.Warnings, w => w.Column == "Ghi chú");
    }

    [Fact]
    public void A_total_row_that_disagrees_with_its_rows_refuses_the_file()
    {
        using var s = new Scratch();
        s.LoadBase();
        var report = s.Load(OfficeStaffing(s, "staffing_typo.xlsx", total: 12));
        var issue = ReportAssert.RefusedAt(report, 16, "quota");
        Assert.Contains("11", issue.ReasonEn);
        Assert.Contains("12", issue.ReasonEn);
        Assert.Equal(0L, s.Count("raw.staffing"));
    }

    // ---- 10: headings ----

    [Fact]
    public void A_missing_column_says_in_vietnamese_which_headings_are_accepted()
    {
        using var s = new Scratch();
        var report = s.Load(s.Write("staffing_nq.csv", "Số liệu đến ngày,Mã đơn vị,Nhóm,Lĩnh vực,Số có mặt\n2026-01-15,09801,cong_chuc,dat_dai,1\n"));
        var issue = ReportAssert.RefusedAt(report, 1, "quota");
        Assert.Contains("tên cột được chấp nhận", issue.ReasonVi);
        Assert.Contains("Biên chế giao", issue.ReasonVi);
    }

    // ---- 11: encodings ----

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_utf16_csv_loads_the_same_values(bool bigEndian)
    {
        using var s = new Scratch();
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var text = "unit_code,unit_name,unit_type\nZ1,Tỉnh Đông Hưng,tinh\n";
        var path = s.WriteBytes("units_u16.csv", [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
        var f = s.Load(path).Files.Single();
        Assert.True(f.Outcome == LoadOutcome.Loaded, Errors(f));
        Assert.Equal("Tỉnh Đông Hưng", s.Query<string>("select unit_name from raw.units").Single());
        Assert.Contains(f.Notes, n => n.ReasonEn.Contains("UTF-16"));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_name_the_likely_encoding()
    {
        using var s = new Scratch();
        var f = s.Load(s.WriteBytes("units_1258.csv", [.. Encoding.ASCII.GetBytes("unit_code,unit_name,unit_type\nZ1,T"), 0xEC, .. Encoding.ASCII.GetBytes("nh,tinh\n")])).Files.Single();
        var e = Assert.Single(f.Errors);
        Assert.Contains("Windows-1258/TCVN3", e.ReasonVi);
        Assert.Contains("CSV UTF-8", e.ReasonVi);
    }

    // ---- 12: reasons that match the cell ----

    [Fact]
    public void Every_error_of_a_row_is_listed_and_the_journal_keeps_both_languages()
    {
        using var s = new Scratch();
        s.LoadBase();
        var report = s.Load(s.Write("staffing_many.csv", "snapshot_date,unit_code,position_group,specialty,quota,actual\n2026-13-45,09801,nhom_la,dat_dai,hai,-1\n"));
        var f = report.Files.Single();
        Assert.Equal(["actual", "position_group", "quota", "snapshot_date"], f.Errors.Select(e => e.Column!).Order(StringComparer.Ordinal));
        var message = s.Query<string>("select message from meta.loads where file_name = 'staffing_many.csv'").Single();
        Assert.Contains("ngày không tồn tại", message);
        Assert.Contains("no such date", message);
    }

    [Fact]
    public void A_place_and_date_line_is_a_signature_not_an_ambiguous_number()
    {
        using var s = new Scratch();
        s.LoadBase();
        var f = s.Load(s.Write("staffing_sig.csv",
            "snapshot_date,unit_code,position_group,specialty,quota,actual\n2026-01-15,09801,cong_chuc,dat_dai,2,2\n,,,,\"Phường Tân Hưng, ngày 05 tháng 4 năm 2026\",\n,,,,CHỦ TỊCH,\n")).Files.Single();
        Assert.True(f.Outcome == LoadOutcome.Loaded, Errors(f));
        Assert.Equal(1, f.RowsRead);
        Assert.Contains(f.Notes, n => n.Line == 3 && n.ReasonEn.Contains("signature"));
    }

    // ---- issue 14 item 10: NUL ----

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_nul_byte_is_refused_with_its_line_and_column_on_both_read_paths(bool sqlPath)
    {
        using var s = new Scratch();
        s.LoadBase();
        var path = s.Write("units_nul.csv", "unit_code,unit_name,unit_type,parent_code\n09803,Nul\0byte,xa,98\n");
        var report = s.Load(new LoadOptions { SqlCsvPath = sqlPath }, path);
        var issue = ReportAssert.RefusedAt(report, 2, "unit_name");
        Assert.Contains("NUL", issue.ReasonEn);
        Assert.Empty(s.Query<string>("select unit_name from raw.units where unit_code = '09803'"));
    }

    // ---- issue 14 item 7: rows per sheet ----

    [Fact]
    public void A_sheet_longer_than_the_row_limit_is_refused()
    {
        using var s = new Scratch();
        var path = Workbook(s, "units_long.xlsx", w => w.AddSheet("S", ["unit_code"], Enumerable.Range(0, 20).Select(i => new object?[] { $"U{i}" })));
        using var reader = XlsxReader.Open(path, new XlsxLimits(MaxRowsPerSheet: 10));
        var e = Assert.Throws<InputFormatException>(() => reader.ReadSheet(0).ToList());
        Assert.Equal(11, e.Line);
        Assert.Contains("more than 10 rows", e.ReasonEn);
    }

    [Fact]
    public void Merged_ranges_fill_every_cell_with_the_top_left_value()
    {
        using var s = new Scratch();
        var path = Workbook(s, "m.xlsx", w => w.AddRows("S", [["a", "b"], ["x", 1], [null, 2], [null, 3]], ["A2:A4"]));
        using var reader = XlsxReader.Open(path);
        Assert.Equal(["x", "x", "x"], reader.ReadSheet(0).Skip(1).Select(r => r.Cells[0].Text));
    }
}
