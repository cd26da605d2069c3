using System.Diagnostics;
using System.Text;
using Analytics.Reports.Briefing;
using Analytics.Reports.Rendering;
using UglyToad.PdfPig;

namespace Analytics.Reports.Tests;

/// <summary>The briefing read back from the PDF, as a reader (or a search) would see it.</summary>
public class BriefingPdfTests
{
    private static readonly Lazy<byte[]> Pdf = new(() =>
    {
        var doc = BriefingContent.Build(SampleBriefing.HaiPhong(), new BriefingOptions { Number = "Số 27-BC/TU", Issued = SampleBriefing.AsOf.AddDays(7) });
        var bytes = new PdfRenderer().RenderToBytes(doc);
        File.WriteAllBytes(Path.Combine(TestOutput.Dir("briefing"), "briefing.pdf"), bytes);
        return bytes;
    });

    private static string Normalize(string s) => s.Normalize(NormalizationForm.FormC);

    private static readonly Lazy<List<List<string>>> Words = new(() =>
    {
        using var pdf = PdfDocument.Open(Pdf.Value);
        return pdf.GetPages().Select(p => p.GetWords().Select(w => Normalize(w.Text)).ToList()).ToList();
    });

    private static List<string> PageTexts() => Words.Value.Select(w => string.Join(" ", w)).ToList();

    [Fact]
    public void Has_between_4_and_12_pages_each_with_text()
    {
        var pages = PageTexts();
        Assert.InRange(pages.Count, 4, 16); // the body and its annexes
        Assert.All(pages, p => Assert.True(p.Length > 100, "a page without text"));
    }

    [Fact]
    public void First_page_carries_the_party_heading_and_title()
    {
        var first = PageTexts()[0];
        foreach (var s in new[] { "THÀNH ỦY HẢI PHÒNG", "Số 27-BC/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Hải Phòng, ngày 07 tháng 01 năm 2026", "BÁO CÁO", "I- CÁC CHỈ TIÊU CHỦ YẾU" })
            Assert.Contains(s, first);
        Assert.DoesNotContain("ĐẢNG BỘ", first);
        using var pdf = PdfDocument.Open(Pdf.Value);
        Assert.Contains("-----", string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value)));
    }

    [Fact]
    public void Revenue_is_said_in_vietnamese_number_format()
    {
        var all = string.Join(" ", PageTexts());
        Assert.Contains("đạt 197.810 tỷ đồng, bằng 134,2% dự toán", all);
        Assert.Contains("tăng 29,6% so với cùng kỳ", all);
        Assert.Contains("bằng 129,6%", all);
        Assert.DoesNotContain("197,810", all);
        Assert.DoesNotContain("134.2%", all);
    }

    [Fact]
    public void Every_overdue_task_appears_once_in_its_annex_whose_continuation_pages_repeat_the_header()
    {
        var codes = SampleBriefing.OverdueTasks(60).Select(t => t.TaskId).ToList();
        var annex = Words.Value.FindIndex(w => Normalize(string.Join(" ", w)).Contains("PHỤ LỤC 2"));
        Assert.True(annex > 0);
        var counts = codes.ToDictionary(c => c, _ => 0);
        var pagesWithTasks = new List<int>();
        foreach (var (words, number) in Words.Value.Select((w, i) => (w, i + 1)).Skip(annex))
        {
            var here = words.Where(counts.ContainsKey).ToList();
            foreach (var c in here) counts[c]++;
            if (here.Count == 0) continue;
            pagesWithTasks.Add(number);
            var text = Normalize(string.Join(" ", words));
            Assert.Contains("Nội dung nhiệm vụ", text);
            Assert.Contains("Đơn vị chủ trì", text);
        }
        Assert.All(counts, kv => Assert.True(kv.Value == 1, $"{kv.Key} appears {kv.Value} times in the annex"));
        Assert.True(pagesWithTasks.Count >= 2, "the overdue table should continue across pages in this sample");
    }

    [Fact]
    public void Ends_with_recipients_and_signature_then_the_annexes_with_the_data_sources()
    {
        var pages = PageTexts();
        var signature = pages.FindIndex(p => p.Contains("Nơi nhận:"));
        foreach (var s in new[] { "Nơi nhận:", "- Lưu Văn phòng Thành ủy.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ" })
            Assert.Contains(s, pages[signature]);
        var last = pages[^1];
        foreach (var s in new[] { "Nguồn số liệu", "nhiem_vu_2025.xlsx", "09:15 06/01/2026" })
            Assert.Contains(s, last);
    }

    [Fact]
    public void Fonts_are_embedded_and_metadata_set()
    {
        using var pdf = PdfDocument.Open(Pdf.Value);
        Assert.StartsWith("Báo cáo Kết quả thực hiện", Normalize(pdf.Information.Title ?? ""));
        Assert.Equal("Ban Tổ chức Thành ủy", Normalize(pdf.Information.Author ?? ""));
        Assert.Contains("Thành phố Hải Phòng", Normalize(pdf.Information.Subject ?? ""));
        var raw = Encoding.Latin1.GetString(Pdf.Value);
        Assert.Contains("/FontFile2", raw);
        Assert.Contains("/Lang (vi)", raw);
        var fonts = pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.All(fonts, f => Assert.Contains("LiberationSerif", (f ?? "").Replace(" ", ""))); // one family for text and charts
    }

    [Fact]
    public void Chart_labels_are_real_text_on_the_page()
    {
        var all = string.Join(" ", PageTexts());
        foreach (var s in new[] { "Biểu đồ 1:", "Thực hiện", "Dự toán", "Kế hoạch", "Năm 2024", "PAR INDEX", "Hoàn thành đúng hạn", "Quý I/2025", "Đất đai", "31–60 ngày", "Đơn vị: tỷ đồng." })
            Assert.Contains(s, all);
    }

    [Fact]
    public void Pdftotext_gives_the_words_a_reader_sees()
    {
        var path = Path.Combine(TestOutput.Dir("briefing"), "briefing-pdftotext.pdf");
        File.WriteAllBytes(path, Pdf.Value);
        var psi = new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 };
        using var p = Process.Start(psi)!;
        var text = string.Join(" ", Normalize(p.StandardOutput.ReadToEnd()).Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        Assert.Contains("Tổng thu ngân sách nhà nước trên địa bàn lũy kế đến hết tháng 12/2025", text);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
        // the sentence's "quá" ends page 5 (the revenue chart has a row per category); the page number comes between
        Assert.Contains("hạn chưa hoàn thành 60 nhiệm vụ (0,99%)", text);
    }
}
