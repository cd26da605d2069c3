using Analytics.TaskExtraction;

namespace Analytics.TaskExtraction.Tests;

public sealed class SeedDocumentTests
{
    private static readonly IReadOnlyList<ExtractedTask> Tasks = TaskFixtures.ExtractSeeds();

    private static ExtractedTask Row(string file, string clause) => Tasks.Single(t => t.SourceFile == file && t.Clause == clause);

    [Fact]
    public void Blank_number_and_date_of_the_directive_are_flagged_not_invented()
    {
        var rows = Tasks.Where(t => t.SourceFile == TaskFixtures.Directive).ToList();
        Assert.Equal(15, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Null(r.SourceDate);
            Assert.Equal("-CV/TU", r.SourceDoc);
            Assert.Contains(r.ReviewNotes, n => n.StartsWith("Ngày văn bản để trống", StringComparison.Ordinal));
            Assert.Contains(r.ReviewNotes, n => n.StartsWith("Số văn bản để trống", StringComparison.Ordinal));
        });
        // The dates the text does give (Kết luận 195 of 26/9/2025, the footnote's letters) are not the document's.
        Assert.DoesNotContain(rows, r => r.SourceDate == new DateOnly(2025, 9, 26));
    }

    [Fact]
    public void Conclusion_without_header_is_known_by_its_meeting_and_says_so()
    {
        var rows = Tasks.Where(t => t.SourceFile == TaskFixtures.Conclusion).ToList();
        Assert.Equal(19, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal("Thông báo kết luận 02/6/2026", r.SourceDoc);
            Assert.Equal(new DateOnly(2026, 6, 2), r.SourceDate); // not the receipt stamp "Số: 41037 Ngày: 06/06/2026"
            Assert.Contains(r.ReviewNotes, n => n.Contains("ngày hội nghị", StringComparison.Ordinal));
            Assert.StartsWith("TBKL-2026-06-02:", r.TaskId);
        });
    }

    [Fact]
    public void Footnotes_and_page_numbers_are_neither_tasks_nor_part_of_a_task()
    {
        Assert.DoesNotContain(Tasks, t => t.Title.Contains("Công văn số 1955-CV/TU", StringComparison.Ordinal));
        var first = Row(TaskFixtures.Directive, "1.(1)");
        Assert.Contains("Ban Thường vụ Thành uỷ về nâng cao", first.Title); // reference mark "Thành uỷ1" removed
        // Item 1.(3) runs over the footnote and the page break: its text is whole again.
        var third = Row(TaskFixtures.Directive, "1.(3)");
        Assert.Contains("nguyên nhân, giải pháp khắc phục, làm rõ việc sắp xếp", third.Title);
        Assert.DoesNotContain("văn bản chỉ đạo", third.Title);
    }

    [Fact]
    public void A_qualifying_date_is_not_taken_for_the_deadline_but_pointed_out()
    {
        var row = Row(TaskFixtures.Directive, "2.(2)");
        Assert.Equal(("ngay", new DateOnly(2025, 10, 15)), (row.DueKind, row.DueDate));
        Assert.Contains(row.ReviewNotes, n => n.Contains("trước ngày 31/8/2025", StringComparison.Ordinal));
    }

    [Fact]
    public void List_closing_deadline_applies_to_every_item_of_the_list_and_only_to_it()
    {
        foreach (var clause in new[] { "7.1.(1)", "7.1.(2)", "7.1.(3)", "7.1.(4)" })
        {
            var row = Row(TaskFixtures.Conclusion, clause);
            Assert.Equal(new DateOnly(2026, 6, 30), row.DueDate);
            Assert.Equal("trước ngày 30/6/2026", row.DueEvidence);
        }
        Assert.Equal("khong", Row(TaskFixtures.Conclusion, "7.2.(5)").DueKind);
    }

    [Fact]
    public void Lead_is_the_body_directed_not_the_person_directing_it()
    {
        Assert.Equal("31S08", Row(TaskFixtures.Conclusion, "7.1.(2)").LeadUnit); // not Ủy ban nhân dân thành phố
        Assert.Equal("31S05", Row(TaskFixtures.Conclusion, "7.2.(4)").LeadUnit);
        Assert.Equal("31S10", Row(TaskFixtures.Conclusion, "7.3.").LeadUnit);
        var row = Row(TaskFixtures.Directive, "2.(6)");
        Assert.Equal("31S08", row.LeadUnit);
        Assert.Equal(["31S05"], row.SupportUnits);
        // "báo cáo … (qua Ban Tổ chức Thành uỷ)" names where the report goes, not a support unit.
        Assert.Empty(Row(TaskFixtures.Directive, "1.(3)").SupportUnits);
    }

    [Fact]
    public void Collective_or_unnamed_leads_stay_empty_and_are_flagged()
    {
        foreach (var (file, clause) in new[] { (TaskFixtures.Directive, "1.(1)"), (TaskFixtures.Directive, "1.(3)"), (TaskFixtures.Conclusion, "7.4."), (TaskFixtures.Conclusion, "2.") })
        {
            var row = Row(file, clause);
            Assert.Null(row.LeadUnit);
            Assert.Contains(row.ReviewNotes, n => n.Contains("chọn đơn vị chủ trì") || n.Contains("no lead unit"));
        }
    }

    [Fact]
    public void Task_ids_are_unique_and_the_same_on_every_run()
    {
        Assert.Equal(Tasks.Count, Tasks.Select(t => t.TaskId).Distinct().Count());
        Assert.Equal(Tasks.Select(t => t.TaskId), TaskFixtures.ExtractSeeds().Select(t => t.TaskId));
        Assert.Equal("TBKL-2026-06-02:7.2.(3)a", Row(TaskFixtures.Conclusion, "7.2.(3)a").TaskId);
    }

    [Fact]
    public void Clauses_carry_the_section_when_several_sections_hold_tasks()
    {
        const string text = """
            Số 5-KH/TU
            Hà Nội, ngày 02 tháng 01 năm 2026
            I. NHIỆM VỤ CHUNG
            1. Ban Tổ chức Thành ủy rà soát quy hoạch; hoàn thành trước ngày 31/3/2026.
            II. TỔ CHỨC THỰC HIỆN
            1. Văn phòng Thành ủy
            1.1. Theo dõi, đôn đốc việc thực hiện; định kỳ hằng quý báo cáo.
            1.2. Bố trí kinh phí; hoàn thành trong tháng 1/2026.
            """;
        var tasks = new TaskExtractor(TaskFixtures.HaiPhong).Extract(SourceDocument.FromText("kh.txt", text));
        Assert.Equal(["I.1.", "II.1.1.", "II.1.2."], tasks.Select(t => t.Clause));
        Assert.Equal(["31S05", "31S04", "31S04"], tasks.Select(t => t.LeadUnit));
        Assert.Equal(["ngay", "thuong_xuyen", "thang"], tasks.Select(t => t.DueKind));
        Assert.Equal(new DateOnly(2026, 1, 31), tasks[2].DueDate);
    }
}
