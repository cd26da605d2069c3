using System.Text.RegularExpressions;
using Analytics.TaskExtraction;

namespace Analytics.TaskExtraction.Tests;

/// <summary>
/// Documents the extractor was not written against (Fixtures/unseen, other cities and styles): whatever it
/// cannot read it must flag, and nothing it outputs may be absent from the text.
/// </summary>
public sealed class UnseenDocumentTests
{
    public static TheoryData<string, string> Documents => new()
    {
        { "unseen/cantho_chithi.txt", "unseen/units_cantho.csv" },
        { "unseen/cantho_thongbao.md", "unseen/units_cantho.csv" },
        { "unseen/cantho_kehoach.txt", "unseen/units_cantho.csv" },
        { "unseen/haiphong_ketluan_blind.md", "units_haiphong.csv" },
        { "unseen/cantho_quyetdinh_blind.txt", "unseen/units_cantho.csv" },
        { TaskFixtures.Directive, "units_haiphong.csv" },
        { TaskFixtures.Conclusion, "units_haiphong.csv" },
        { "quoted/hd_tuyentruyen_kl183.md", "quoted/units_quoted.csv" },
        { "quoted/cv_trienkhai_kl178.txt", "quoted/units_quoted.csv" },
        { "quoted/kh_sapxep_xa.txt", "quoted/units_quoted.csv" },
        { "quoted/tb_ketluan_btv_45.txt", "quoted/units_quoted.csv" },
        { "quoted/cv_dondoc_nhiemvu.md", "quoted/units_quoted.csv" },
    };

    private static string Plain(string text) => Regex.Replace(text.Replace("**", ""), @"\s+", " ");

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_deadline_and_unit_output_is_written_in_the_source(string file, string unitsFile)
    {
        var units = UnitDirectory.Load(TaskFixtures.Path(unitsFile));
        var source = Plain(File.ReadAllText(TaskFixtures.Path(file)));
        var tasks = new TaskExtractor(units).Extract(SourceDocument.Read(TaskFixtures.Path(file)));
        Assert.NotEmpty(tasks);
        foreach (var t in tasks)
        {
            if (t.DueKind != "khong")
            {
                Assert.NotNull(t.DueEvidence);
                Assert.Contains(t.DueEvidence!, source);
                if (t.DueKind == "ngay")
                {
                    var d = Regex.Match(t.DueEvidence!, @"(\d{1,2})/(\d{1,2})/(\d{4})|(\d{1,2}) tháng (\d{1,2}) năm (\d{4})");
                    if (d.Groups[4].Success)
                        d = Regex.Match($"{d.Groups[4].Value}/{d.Groups[5].Value}/{d.Groups[6].Value}", @"(\d{1,2})/(\d{1,2})/(\d{4})");
                    Assert.True(d.Success, t.DueEvidence);
                    Assert.Equal(new DateOnly(int.Parse(d.Groups[3].Value), int.Parse(d.Groups[2].Value), int.Parse(d.Groups[1].Value)), t.DueDate);
                }
                if (t.DueKind == "thang")
                {
                    var d = Regex.Match(t.DueEvidence!, @"(\d{1,2})/(\d{4})");
                    var first = new DateOnly(int.Parse(d.Groups[2].Value), int.Parse(d.Groups[1].Value), 1);
                    Assert.Equal(first.AddMonths(1).AddDays(-1), t.DueDate);
                }
                if (t.DueKind == "thuong_xuyen") Assert.Null(t.DueDate);
            }
            else Assert.Null(t.DueDate);

            // A lead kept as written (a central body outside the units table) is written there too.
            if (t.LeadEvidence is not null) Assert.Contains(t.LeadEvidence, source);
            if (t.ReviewNotes.Any(n => n.StartsWith("Nhiệm vụ trích từ", StringComparison.Ordinal)))
            {
                Assert.Contains(t.SourceDoc, source);
                if (t.SourceDate is { } quotedDate) Assert.Contains($"{t.SourceDoc} ngày {quotedDate.Day:00}/{quotedDate.Month}/{quotedDate.Year}", source);
            }
            if (t.LeadUnit is not null)
            {
                Assert.Contains(t.LeadEvidence!, source);
                Assert.Equal(t.LeadUnit, Resolve(units, t.LeadEvidence!));
            }
            foreach (var (code, evidence) in t.SupportUnits.Zip(t.SupportEvidence))
            {
                Assert.Contains(evidence, source);
                Assert.Equal(code, Resolve(units, evidence));
            }
            Assert.All(t.SupportUnits.Append(t.LeadUnit).OfType<string>(), c => Assert.Contains(units.Units, u => u.Code == c));
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Uncertain_rows_carry_a_review_note(string file, string unitsFile)
    {
        var tasks = new TaskExtractor(UnitDirectory.Load(TaskFixtures.Path(unitsFile))).Extract(SourceDocument.Read(TaskFixtures.Path(file)));
        foreach (var t in tasks)
        {
            if (t.LeadUnit is null || t.SourceDate is null) Assert.NotEmpty(t.ReviewNote);
            if (t.ReviewNote.Length == 0) Assert.True(t.Confidence >= 0.99, $"{t.TaskId}: {t.Confidence}");
            else Assert.True(t.Confidence < 1, t.TaskId);
        }
    }

    private static string? Resolve(UnitDirectory units, string evidence)
    {
        var tokens = VietnameseFold.Tokens(evidence);
        return units.MatchAt(evidence, tokens, 0)?.Unit.Code;
    }

    private static ExtractedTask Row(string file, string clause) =>
        new TaskExtractor(TaskFixtures.CanTho).Extract(SourceDocument.Read(TaskFixtures.Path(file))).Single(t => t.Clause == clause);

    [Fact]
    public void Directive_in_government_style_reads_number_date_month_quarter_and_support_units()
    {
        var a = Row("unseen/cantho_chithi.txt", "1.a)");
        Assert.Equal(("14/CT-UBND", new DateOnly(2025, 10, 6)), (a.SourceDoc, a.SourceDate));
        Assert.Equal(("92S11", "thang", new DateOnly(2025, 11, 30)), (a.LeadUnit, a.DueKind, a.DueDate));
        Assert.Equal(["92S12", "92S13"], a.SupportUnits); // "Sở Tài chính và Văn phòng UBND thành phố"
        Assert.Equal(("quy", new DateOnly(2026, 3, 31)), (Row("unseen/cantho_chithi.txt", "2.").DueKind, Row("unseen/cantho_chithi.txt", "2.").DueDate));
    }

    [Fact]
    public void Deadline_without_a_year_or_with_only_a_year_is_flagged_never_completed()
    {
        var noYear = Row("unseen/cantho_chithi.txt", "5.");
        Assert.Equal(("khong", (DateOnly?)null), (noYear.DueKind, noYear.DueDate));
        Assert.Contains(noYear.ReviewNotes, n => n.Contains("trước ngày 15/11"));
        Assert.Equal("92S14", noYear.LeadUnit); // "Giám đốc Sở Giáo dục và Đào tạo"

        var yearOnly = Row("unseen/cantho_chithi.txt", "4.");
        Assert.Equal("khong", yearOnly.DueKind);
        Assert.Contains(yearOnly.ReviewNotes, n => n.Contains("năm 2026"));
        Assert.Contains(yearOnly.ReviewNotes, n => n.Contains("\"Sở Tư pháp\""));
    }

    [Fact]
    public void Units_missing_from_the_table_are_named_in_the_note_and_left_empty()
    {
        var row = Row("unseen/cantho_chithi.txt", "2.");
        Assert.Null(row.LeadUnit);
        Assert.Contains(row.ReviewNotes, n => n.Contains("\"Sở Khoa học và Công nghệ\""));
        var person = Row("unseen/cantho_thongbao.md", "3.");
        Assert.Null(person.LeadUnit);
        Assert.Contains(person.ReviewNotes, n => n.Contains("Ban Nội chính Thành ủy"));
    }

    [Fact]
    public void Results_section_is_not_read_as_tasks_and_blank_date_is_flagged()
    {
        var tasks = new TaskExtractor(TaskFixtures.CanTho).Extract(SourceDocument.Read(TaskFixtures.Path("unseen/cantho_thongbao.md")));
        Assert.Equal(["1.", "2.", "3.", "4.(1)", "4.(2)"], tasks.Select(t => t.Clause));
        Assert.All(tasks, t => Assert.Null(t.SourceDate));
        Assert.All(tasks, t => Assert.Contains(t.ReviewNotes, n => n.StartsWith("Ngày văn bản để trống")));
        Assert.DoesNotContain(tasks, t => t.DueDate == new DateOnly(2025, 8, 15)); // "đã hoàn thành … trước ngày 15/8/2025" in KẾT QUẢ
        var unclear = tasks.Single(t => t.Clause == "4.(2)");
        Assert.Contains(unclear.ReviewNotes, n => n.Contains("trước tháng 11/2025"));
    }

    [Fact]
    public void Blind_document_numbered_items_and_task_table()
    {
        var tasks = new TaskExtractor(TaskFixtures.HaiPhong).Extract(SourceDocument.Read(TaskFixtures.Path("unseen/haiphong_ketluan_blind.md")));
        Assert.Equal(["1.1.", "1.2.", "2.", "3.a)", "3.b)", "B1.1"], tasks.Select(t => t.Clause));
        var fromTable = tasks[^1];
        Assert.Equal(("Tổng hợp danh sách cán bộ dôi dư", "31S14", "ngay", new DateOnly(2025, 12, 20)),
                     (fromTable.Title, fromTable.LeadUnit, fromTable.DueKind, fromTable.DueDate));
        Assert.Contains(fromTable.ReviewNotes, n => n.StartsWith("Đọc từ bảng nhiệm vụ 1"));
        // Topic heading "Về chế độ, chính sách" is not the task; the body names its lead.
        var policy = tasks.Single(t => t.Clause == "2.");
        Assert.Equal("31S09", policy.LeadUnit);
        Assert.StartsWith("Đảng ủy Hội đồng nhân dân thành phố lãnh đạo", policy.Title);
        Assert.Contains(policy.ReviewNotes, n => n.Contains("cuối năm 2025"));
        Assert.Equal("thuong_xuyen", tasks.Single(t => t.Clause == "3.b)").DueKind); // "báo cáo … hằng quý."
        Assert.Equal(("31S08", new DateOnly(2025, 12, 15)), (tasks[0].LeadUnit, tasks[0].DueDate)); // "Thời hạn: trước 15/12/2025"
    }

    [Fact]
    public void Without_a_units_table_no_code_is_output_and_every_row_says_why()
    {
        var tasks = new TaskExtractor(UnitDirectory.Empty).Extract(SourceDocument.Read(TaskFixtures.Path("unseen/cantho_chithi.txt")));
        Assert.Equal(8, tasks.Count);
        Assert.All(tasks, t => Assert.Null(t.LeadUnit));
        Assert.All(tasks, t => Assert.Empty(t.SupportUnits));
        Assert.Contains(tasks[0].ReviewNotes, n => n.Contains("\"Sở Nội vụ\"") && n.Contains("--units"));
        Assert.All(tasks, t => Assert.NotEmpty(t.ReviewNote));
    }

    [Fact]
    public void Decision_articles_bound_the_items_and_a_shared_subject_is_flagged()
    {
        var tasks = new TaskExtractor(TaskFixtures.CanTho).Extract(SourceDocument.Read(TaskFixtures.Path("unseen/cantho_quyetdinh_blind.txt")));
        Assert.Equal(["1.", "2.", "3.", "4."], tasks.Select(t => t.Clause)); // Điều 2, Điều 3 are not tasks
        Assert.Equal(("2150/QĐ-UBND", new DateOnly(2025, 9, 15)), (tasks[0].SourceDoc, tasks[0].SourceDate));
        Assert.Equal(("92S11", new DateOnly(2025, 9, 30)), (tasks[0].LeadUnit, tasks[0].DueDate));
        Assert.Equal(new DateOnly(2025, 10, 15), tasks[2].DueDate); // "trước ngày 15 tháng 10 năm 2025"
        var shared = tasks[3];
        Assert.DoesNotContain("Điều 2", shared.Title);
        Assert.Contains(shared.ReviewNotes, n => n.StartsWith("Nhiều đơn vị cùng được giao"));
    }
}
