using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Analytics.TaskExtraction;
using CsvHelper;

namespace Analytics.TaskExtraction.Tests;

public sealed class TaskRegisterCsvTests
{
    [Fact]
    public void Written_register_follows_the_tasks_contract()
    {
        var tasks = TaskFixtures.ExtractSeeds();
        var path = Path.Combine(Path.GetTempPath(), $"tasks_{Guid.NewGuid():N}.csv");
        try
        {
            TaskRegisterCsv.Write(path, tasks);
            var bytes = File.ReadAllBytes(path);
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); // valid UTF-8
            using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
            csv.Read();
            csv.ReadHeader();
            Assert.Equal(TaskRegisterCsv.Columns, csv.HeaderRecord);
            var units = TaskFixtures.HaiPhong.Units.Select(u => u.Code).ToHashSet();
            var rows = 0;
            var ids = new HashSet<string>();
            while (csv.Read())
            {
                rows++;
                Assert.True(ids.Add(csv.GetField("task_id")!));
                Assert.NotEmpty(csv.GetField("title")!);
                Assert.NotEmpty(csv.GetField("source_doc")!);
                var kind = csv.GetField("due_kind")!;
                var due = csv.GetField("due_date")!;
                Assert.Contains(kind, new[] { "ngay", "thang", "quy", "thuong_xuyen", "khong" });
                Assert.Equal(kind is "ngay" or "thang" or "quy", due.Length > 0);
                foreach (var date in new[] { due, csv.GetField("source_date")! }.Where(d => d.Length > 0))
                    DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var lead = csv.GetField("lead_unit")!;
                if (lead.Length > 0) Assert.Contains(lead, units);
                else Assert.NotEmpty(csv.GetField("review_note")!); // the loader refuses it until a person fills it in
                foreach (var s in csv.GetField("support_units")!.Split(';', StringSplitOptions.RemoveEmptyEntries)) Assert.Contains(s, units);
                var confidence = double.Parse(csv.GetField("confidence")!, CultureInfo.InvariantCulture);
                Assert.InRange(confidence, 0.1, 1);
            }
            Assert.Equal(tasks.Count, rows);
            // Titles hold commas and quotes ("mới phải tốt hơn cũ…”); RFC 4180 quoting keeps them in one field.
            Assert.Contains("\"Tiếp tục triển khai thực hiện nghiêm", text);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Docx_is_read_from_word_document_xml()
    {
        var text = File.ReadAllText(TaskFixtures.Path("unseen/cantho_chithi.txt"));
        var docx = Path.Combine(Path.GetTempPath(), $"chithi_{Guid.NewGuid():N}.docx");
        try
        {
            File.WriteAllBytes(docx, MakeDocx(text.Split('\n')));
            var fromDocx = new TaskExtractor(TaskFixtures.CanTho).Extract(SourceDocument.Read(docx));
            var fromText = new TaskExtractor(TaskFixtures.CanTho).Extract(SourceDocument.FromText("chithi.txt", text));
            Assert.Equal(8, fromDocx.Count);
            Assert.Equal(fromText.Select(t => (t.Clause, t.LeadUnit, t.DueKind, t.DueDate, t.Title)),
                         fromDocx.Select(t => (t.Clause, t.LeadUnit, t.DueKind, t.DueDate, t.Title)));
        }
        finally { File.Delete(docx); }
    }

    [Fact]
    public void Docx_task_table_rows_become_flagged_tasks_and_stay_out_of_the_text()
    {
        var docx = Path.Combine(Path.GetTempPath(), $"table_{Guid.NewGuid():N}.docx");
        try
        {
            string Cell(string t) => $"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>";
            string Row(params string[] cells) => "<w:tr>" + string.Concat(cells.Select(Cell)) + "</w:tr>";
            var table = "<w:tbl>" + Row("STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành")
                        + Row("1", "Rà soát biên chế cấp xã", "Sở Nội vụ", "Sở Tài chính", "Quý I/2026")
                        + Row("2", "Cập nhật cơ sở dữ liệu cán bộ", "Sở Tư pháp", "", "Thường xuyên") + "</w:tbl>";
            File.WriteAllBytes(docx, MakeDocx(["Số: 20/KH-UBND", "Cần Thơ, ngày 01 tháng 12 năm 2025", "1. Sở Nội vụ tổng hợp, báo cáo trước ngày 15/12/2025."], tableXml: table));
            var tasks = new TaskExtractor(TaskFixtures.CanTho).Extract(SourceDocument.Read(docx));
            Assert.Equal(["1.", "B1.1", "B1.2"], tasks.Select(t => t.Clause));
            Assert.DoesNotContain("Rà soát", tasks[0].Title);
            Assert.Equal(("92S11", "quy", new DateOnly(2026, 3, 31)), (tasks[1].LeadUnit, tasks[1].DueKind, tasks[1].DueDate));
            Assert.Equal(["92S12"], tasks[1].SupportUnits);
            Assert.Null(tasks[2].LeadUnit); // Sở Tư pháp is not in the Cần Thơ table
            Assert.Equal("thuong_xuyen", tasks[2].DueKind);
            Assert.All(tasks.Skip(1), t => Assert.NotEmpty(t.ReviewNote));
        }
        finally { File.Delete(docx); }
    }

    [Fact]
    public void Docx_with_a_dtd_is_refused()
    {
        var docx = Path.Combine(Path.GetTempPath(), $"dtd_{Guid.NewGuid():N}.docx");
        try
        {
            File.WriteAllBytes(docx, MakeDocx(["x"], "<!DOCTYPE w:document [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"));
            Assert.Throws<XmlException>(() => SourceDocument.Read(docx));
        }
        finally { File.Delete(docx); }
    }

    [Fact]
    public void Docx_whose_text_inflates_past_the_limit_is_refused()
    {
        var docx = Path.Combine(Path.GetTempPath(), $"bomb_{Guid.NewGuid():N}.docx");
        try
        {
            // 70 MB of one repeated paragraph compresses to well under a megabyte.
            var paragraph = new string('a', 1_000_000);
            File.WriteAllBytes(docx, MakeDocx(Enumerable.Repeat(paragraph, 70)));
            Assert.True(new FileInfo(docx).Length < 1_000_000);
            var e = Assert.Throws<InvalidDataException>(() => SourceDocument.Read(docx));
            Assert.Contains("too large", e.Message);
        }
        finally { File.Delete(docx); }
    }

    private static byte[] MakeDocx(IEnumerable<string> paragraphs, string doctype = "", string tableXml = "")
    {
        var body = new StringBuilder();
        foreach (var p in paragraphs)
            body.Append("<w:p><w:r><w:t xml:space=\"preserve\">").Append(System.Security.SecurityElement.Escape(p.TrimEnd('\r'))).Append("</w:t></w:r></w:p>");
        body.Append(tableXml);
        var xml = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>{doctype}<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>";
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open(), new UTF8Encoding(false));
            w.Write(xml);
        }
        return ms.ToArray();
    }
}
