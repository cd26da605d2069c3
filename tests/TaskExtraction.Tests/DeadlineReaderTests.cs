using Analytics.TaskExtraction;

namespace Analytics.TaskExtraction.Tests;

public sealed class DeadlineReaderTests
{
    [Theory]
    [InlineData("báo cáo Ban Thường vụ Thành uỷ trước ngày 10/10/2025.", "ngay", "2025-10-10")]
    [InlineData("hoàn thành trong tháng 10/2025", "thang", "2025-10-31")]
    [InlineData("hoàn thành trong tháng 2/2024", "thang", "2024-02-29")]
    [InlineData("tổ chức trong tháng 11 năm 2025", "thang", "2025-11-30")]
    [InlineData("đưa vào vận hành trong quý II/2026", "quy", "2026-06-30")]
    [InlineData("Thời gian hoàn thành: Quý IV/2025.", "quy", "2025-12-31")]
    [InlineData("báo cáo chậm nhất ngày 20/10/2025", "ngay", "2025-10-20")]
    [InlineData("hoàn thành trước ngày 05 tháng 6 năm 2026", "ngay", "2026-06-05")]
    [InlineData("Định kỳ báo cáo Thường trực Thành ủy", "thuong_xuyen", "")]
    [InlineData("Theo dõi việc thực hiện. Thời gian: thường xuyên.", "thuong_xuyen", "")]
    [InlineData("tổ chức tập huấn cho công chức cấp xã từ ngày 04/8/2025 đến ngày 22/8/2025", "ngay", "2025-08-22")]
    [InlineData("lấy ý kiến Nhân dân từ ngày 15/7 đến ngày 15/8/2025.", "ngay", "2025-08-15")]
    [InlineData("kiện toàn bộ máy (thời hạn: trước ngày 10/10/2025).", "ngay", "2025-10-10")]
    [InlineData("hướng dẫn kiện toàn cấp ủy cấp xã (hoàn thành trong tháng 7/2025).", "thang", "2025-07-31")]
    [InlineData("chi trả dứt điểm chế độ cho người nghỉ việc do sắp xếp trước ngày 31/8/2025; sau thời điểm này sẽ kết thúc việc áp dụng chính sách", "ngay", "2025-08-31")]
    [InlineData("bảo đảm kinh phí hoạt động của các xã trong quý III/2025", "quy", "2025-09-30")]
    [InlineData("Bộ Tài chính hướng dẫn phân bổ ngân sách cho cấp xã trước ngày 30/6/2025.", "ngay", "2025-06-30")]
    public void Reads_the_deadline_kinds_of_the_contract(string text, string kind, string date)
    {
        var d = Assert.Single(DeadlineReader.Read(text).Strong);
        Assert.Equal(kind, d.Kind);
        Assert.Equal(date, d.Date?.ToString("yyyy-MM-dd") ?? "");
    }

    [Theory]
    [InlineData("thực hiện Kế hoạch số 02-KH/BCĐ, ngày 19/6/2025 của Ban Chỉ đạo")]
    [InlineData("theo Kết luận số 18-KL/TW, ngày 02/4/2026 của Ban Chấp hành Trung ương")]
    [InlineData("kiểm tra việc thực hiện chế độ theo Kết luận số 178-KL/TW ngày 17/7/2025 của Bộ Chính trị")]
    [InlineData("chi trả chế độ cho người đã nghỉ việc trước ngày 31/8/2025, theo Nghị định số 178/2024/NĐ-CP")]
    [InlineData("chi trả dứt điểm chế độ cho người đã nghỉ việc trước ngày 31/8/2025.")]
    [InlineData("báo cáo trước ngày 15/11")]
    [InlineData("hoàn thành trong năm 2026")]
    [InlineData("hoàn thành trước ngày 31/2/2026")]
    [InlineData("tổng kết việc thí điểm, hoàn thành trong quý III.")]
    public void Reference_dates_and_incomplete_deadlines_give_no_deadline(string text) =>
        Assert.DoesNotContain(DeadlineReader.Read(text).Strong, d => d.Date is not null);

    [Theory]
    [InlineData("báo cáo trước ngày 15/11", "không ghi năm")]
    [InlineData("hoàn thành trong năm 2026", "theo năm")]
    [InlineData("chấn chỉnh trước tháng 11/2025", "không rõ hạn chót")]
    [InlineData("cập nhật kiến thức thường xuyên về nghiệp vụ", "thường xuyên")]
    [InlineData("hoàn thành trước ngày 31/2/2026", "không hợp lệ")]
    [InlineData("tổng kết việc thí điểm, hoàn thành trong quý III.", "không ghi năm")]
    [InlineData("tổ chức hội nghị trong tháng 9; báo cáo kết quả", "không ghi năm")]
    public void Incomplete_deadlines_become_doubts(string text, string doubt) =>
        Assert.Contains(DeadlineReader.Read(text).Doubts, d => d.Contains(doubt));

    [Fact]
    public void A_date_qualifying_another_clause_is_weak()
    {
        var found = DeadlineReader.Read("người lao động đã có quyết định nghỉ hưu, nghỉ thôi việc trước ngày 31/8/2025, hoàn thành trước ngày 15/10/2025.");
        Assert.Equal([false, true], found.Deadlines.Select(d => d.Strong));
        Assert.Equal(new DateOnly(2025, 10, 15), found.Strong.Single().Date);
    }
}
