using Analytics.Reports.Documents;
using F = Analytics.Metrics.VietnameseFormat;

namespace Analytics.Reports.Briefing;

/// <summary>A province's commune briefs bound as one booklet: a cover, then one part per commune.</summary>
public static class CommuneBooklet
{
    public static Booklet Build(string provinceName, DateOnly asOf, IReadOnlyList<(string Name, string Code, Document Brief)> communes, BriefingOptions o)
    {
        var cover = new List<Block>
        {
            new TitleBlock("Thông tin tóm tắt các xã, phường, đặc khu", $"{provinceName}, số liệu đến {PartyDate.Long(asOf)}"),
            new Paragraph($"Tập hợp {F.Number(communes.Count)} bản thông tin tóm tắt, mỗi xã, phường, đặc khu một trang: đội ngũ cán bộ (biên chế được giao, có mặt, thiếu và thừa theo lĩnh vực) " +
                          "và thực hiện nhiệm vụ được giao (kết quả chung, các nhiệm vụ quá hạn). Mục lục ở trang sau; mỗi đơn vị là một dấu trang (bookmark) của tệp PDF."),
        };
        return new Booklet(
            new DocumentInfo($"Thông tin tóm tắt các xã, phường – {provinceName}", o.Author, $"Sơ kết mô hình chính quyền địa phương hai cấp – {provinceName}"),
            cover,
            communes.Select(c => new BookletPart($"{c.Name} (mã {c.Code})", c.Brief)).ToList());
    }
}
