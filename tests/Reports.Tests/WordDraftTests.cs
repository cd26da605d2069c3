using System.Text;
using Analytics.Reports.Briefing;
using Analytics.Reports.Documents;
using Analytics.Reports.Rendering;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Document = Analytics.Reports.Documents.Document;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using Table = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace Analytics.Reports.Tests;

/// <summary>The briefing's Word draft opened back with the Open XML SDK, as Word would read it.</summary>
public class WordDraftTests
{
    private static readonly Lazy<(Document Model, byte[] Bytes)> Draft = new(() =>
    {
        var model = BriefingContent.Build(SampleBriefing.HaiPhong(), new BriefingOptions { Number = "Số 27-BC/TU", Issued = SampleBriefing.AsOf, SignerName = "Lê Văn Thử" });
        var bytes = new DocxRenderer().RenderToBytes(model);
        File.WriteAllBytes(Path.Combine(TestOutput.Dir("word"), "briefing.docx"), bytes);
        return (model, bytes);
    });

    private static T Read<T>(Func<WordprocessingDocument, T> read)
    {
        using var ms = new MemoryStream(Draft.Value.Bytes);
        using var word = WordprocessingDocument.Open(ms, false);
        return read(word);
    }

    private static Body Body(WordprocessingDocument w) => w.MainDocumentPart!.Document!.Body!;

    private static string Text(DocumentFormat.OpenXml.OpenXmlElement e) => string.Concat(e.Descendants<Text>().Select(t => t.Text));

    private static List<string> ParagraphTexts(WordprocessingDocument w) =>
        Body(w).Descendants<Paragraph>().Select(p => Text(p)).ToList();

    [Fact]
    public void The_first_block_is_the_party_header_table_with_the_issuing_body_star_number_place_and_date()
    {
        var (left, right) = Read(w =>
        {
            var header = Body(w).Elements<Table>().First();
            var cells = header.Elements<TableRow>().Single().Elements<TableCell>().ToList();
            return (cells[0].Elements<Paragraph>().Select(p => Text(p)).ToList(), cells[1].Elements<Paragraph>().Select(p => Text(p)).ToList());
        });
        Assert.Equal(["THÀNH ỦY HẢI PHÒNG", "*", "Số 27-BC/TU"], left);   // a city committee has no superior line
        Assert.Equal("ĐẢNG CỘNG SẢN VIỆT NAM", right[0]);
        Assert.Equal("Hải Phòng, ngày 31 tháng 12 năm 2025", right[^1]);
        var texts = Read(ParagraphTexts);
        Assert.Contains("BÁO CÁO", texts);
        Assert.Contains("-----", texts);
    }

    [Fact]
    public void Body_is_14_pt_times_new_roman_with_liberation_serif_named_as_its_substitute()
    {
        var (font, size, altName) = Read(w =>
        {
            var defaults = w.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
            var table = w.MainDocumentPart.FontTablePart!.Fonts!.Elements<Font>().Single(f => f.Name == "Times New Roman");
            return (defaults.RunFonts!.Ascii!.Value, defaults.FontSize!.Val!.Value, table.AltName?.Val?.Value);
        });
        Assert.Equal("Times New Roman", font);
        Assert.Equal("28", size); // half-points
        Assert.Equal("Liberation Serif", altName);
    }

    [Fact]
    public void Page_is_a4_with_the_party_margins_and_numbers_from_page_2_by_a_page_field()
    {
        var (size, margin, titlePage, defaultHeader, firstHeader) = Read(w =>
        {
            var sect = Body(w).Elements<SectionProperties>().Single();
            string HeaderText(HeaderFooterValues type)
            {
                var id = sect.Elements<HeaderReference>().Single(h => h.Type! == type).Id!.Value!;
                var header = ((HeaderPart)w.MainDocumentPart!.GetPartById(id)).Header!;
                return string.Concat(header.Descendants<FieldCode>().Select(f => f.Text)) + "|" + header.Descendants<FieldChar>().Count();
            }
            return (sect.GetFirstChild<PageSize>()!, sect.GetFirstChild<PageMargin>()!, sect.GetFirstChild<TitlePage>() is not null,
                HeaderText(HeaderFooterValues.Default), HeaderText(HeaderFooterValues.First));
        });
        Assert.Equal(11906u, size.Width!.Value);   // 210 mm
        Assert.Equal(16838u, size.Height!.Value);  // 297 mm
        Assert.Equal(1134, margin.Top!.Value);     // 20 mm
        Assert.Equal(1134, margin.Bottom!.Value);  // 20 mm
        Assert.Equal(1701u, margin.Left!.Value);   // 30 mm
        Assert.Equal(850u, margin.Right!.Value);   // 15 mm
        Assert.True(titlePage);                    // a different first page: no number on page 1
        Assert.Equal(" PAGE |3", defaultHeader);
        Assert.Equal("|0", firstHeader);
    }

    [Fact]
    public void Headings_are_word_headings_numbered_by_word_as_the_model_numbers_them()
    {
        var (headings, numbering) = Read(w =>
        {
            var list = Body(w).Elements<Paragraph>()
                .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
                .Select(p => (Style: p.ParagraphProperties!.ParagraphStyleId!.Val!.Value!, Level: p.ParagraphProperties.NumberingProperties?.NumberingLevelReference?.Val?.Value, Text: Text(p)))
                .ToList();
            var levels = w.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!.Descendants<Level>()
                .Select(l => (l.NumberingFormat!.Val!.Value, l.LevelText!.Val!.Value)).ToList();
            return (list, levels);
        });
        var model = Draft.Value.Model.Blocks.OfType<Heading>().ToList();
        Assert.Equal(model.Count, headings.Count);
        Assert.Equal(("Heading1", (int?)0, "CÁC CHỈ TIÊU CHỦ YẾU"), (headings[0].Style, headings[0].Level, headings[0].Text));
        Assert.Contains(("Heading2", (int?)1, "Thu ngân sách nhà nước"), headings.Select(h => (h.Style, h.Level, h.Text)));
        Assert.Equal((NumberFormatValues.UpperRoman, "%1-"), numbering[0]);
        Assert.Equal((NumberFormatValues.Decimal, "%2-"), numbering[1]);
    }

    [Fact]
    public void Headings_whose_numbers_word_would_not_count_keep_their_numbers_as_text()
    {
        var model = new Document(new DocumentInfo("t", "a", "s"),
            [new Heading(1, "I- MỘT"), new Heading(1, "III- BA"), new Heading(2, "1- Một")]);
        Assert.False(DocxRenderer.WordCanNumber(model.Blocks.OfType<Heading>().ToList()));
        using var ms = new MemoryStream(new DocxRenderer().RenderToBytes(model));
        using var w = WordprocessingDocument.Open(ms, false);
        var texts = Body(w).Elements<Paragraph>().Select(p => Text(p)).ToList();
        Assert.Equal(["I- MỘT", "III- BA", "1- Một"], texts);
        Assert.Null(w.MainDocumentPart!.NumberingDefinitionsPart);
        Assert.True(DocxRenderer.WordCanNumber([new Heading(1, "I- A"), new Heading(2, "1- a"), new Heading(2, "2- b"), new Heading(1, "II- B"), new Heading(2, "1- c"), new Heading(3, "a) d")]));
        Assert.False(DocxRenderer.WordCanNumber([new Heading(1, "I- A"), new Heading(3, "a) x"), new Heading(3, "b) y"), new Heading(3, "c) z"), new Heading(3, "d) w"), new Heading(3, "đ) v")]));
    }

    [Fact]
    public void Tables_are_word_tables_whose_header_row_repeats_and_whose_numbers_are_the_models()
    {
        // the body's table (the 10 longest overdue); the whole list is the annex's, after it
        var model = Draft.Value.Model.Blocks.OfType<TableBlock>().First(t => t.Columns.Any(c => c.Header == "Số ngày quá hạn"));
        var rows = Read(w => Body(w).Elements<Table>()
            .First(t => t.Elements<TableRow>().First().InnerText.Contains("Số ngày quá hạn"))
            .Elements<TableRow>().Select(r => (Header: r.TableRowProperties?.GetFirstChild<TableHeader>() is not null, Cells: r.Elements<TableCell>().Select(c => Text(c)).ToList())).ToList());
        Assert.True(rows[0].Header);
        Assert.All(rows.Skip(1), r => Assert.False(r.Header));
        Assert.Equal(model.Columns.Select(c => c.Header), rows[0].Cells);
        Assert.Equal(model.Rows.Count, rows.Count - 1);
        for (var i = 0; i < model.Rows.Count; i++) Assert.Equal(model.Rows[i], rows[i + 1].Cells);
        Assert.Contains(Read(ParagraphTexts), p => p.StartsWith("Bảng ", StringComparison.Ordinal) && p.EndsWith(": " + model.Caption, StringComparison.Ordinal));
    }

    [Fact]
    public void Column_widths_follow_the_content_and_fill_the_text_width()
    {
        var table = new TableBlock("t", [new("TT", 1), new("Nội dung", 1), new("Hạn", 1)],
            [["1", "Rà soát, hoàn thiện quy chế làm việc và bố trí đủ cán bộ chuyên môn đất đai, quy hoạch, xây dựng tại các xã", "31/12/2025"]]);
        var widths = new DocxRenderer().ColumnWidths(table);
        Assert.Equal(9354 - 40, widths.Sum()); // 165 mm of text width (9354 twips), less the outer borders
        Assert.True(widths[1] > 2 * widths[2], string.Join(",", widths));
        Assert.True(widths[0] < widths[2], string.Join(",", widths));
    }

    [Fact]
    public void Charts_are_images_with_every_figure_of_their_data_in_the_alt_text()
    {
        var alts = Read(w => Body(w).Descendants<DW.DocProperties>().Select(d => d.Description!.Value!).ToList());
        var figures = Draft.Value.Model.Blocks.OfType<FigureBlock>().ToList();
        Assert.Equal(figures.Count, alts.Count);
        Assert.Contains(alts, a => a.Contains("Tổng thu: thực hiện 197.810 tỷ đồng", StringComparison.Ordinal));
        Assert.Equal(figures.Count, Read(w => w.MainDocumentPart!.ImageParts.Count()));
    }

    [Fact]
    public void Figures_are_editable_text_and_the_draft_ends_with_the_recipients_and_signature()
    {
        var text = string.Join("\n", Read(ParagraphTexts));
        Assert.Contains("197.810 tỷ đồng", text);
        Assert.Contains("bằng 134,2% dự toán", text);
        Assert.Contains("Nơi nhận:", text);
        Assert.Contains("- Ban Bí thư (để báo cáo),", text);
        Assert.Contains("T/M BAN THƯỜNG VỤ", text);
        Assert.Contains("Lê Văn Thử", text);
        Assert.Contains("Nguồn số liệu", text);
        Assert.Equal(text.Normalize(NormalizationForm.FormC), text);
    }

    [Fact]
    public void The_package_is_valid_office_open_xml_so_word_opens_it_without_repairing()
    {
        var errors = Read(w => new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(w)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList());
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
    }

    [Fact]
    public void Every_block_type_of_the_document_model_has_a_word_rendering()
    {
        var blocks = typeof(Block).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Block)) && !t.IsAbstract).ToList();
        Assert.NotEmpty(blocks);
        Assert.All(blocks, t => Assert.Contains(t, DocxRenderer.Handles));
    }
}
