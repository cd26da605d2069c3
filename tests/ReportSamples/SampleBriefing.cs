using Analytics.Metrics;
using Analytics.Reports.Briefing;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Tests;

/// <summary>Hand-made briefing numbers in the shape the metrics layer gives (Hải Phòng's seed figures where known).</summary>
public static class SampleBriefing
{
    public static readonly DateOnly AsOf = new(2025, 12, 31);

    public static readonly string[] Departments =
    [
        "Sở Nội vụ", "Sở Tài chính", "Sở Xây dựng", "Sở Nông nghiệp và Môi trường", "Sở Y tế", "Sở Giáo dục và Đào tạo",
        "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Công Thương", "Văn phòng UBND thành phố",
        "Thanh tra thành phố", "Sở Tư pháp",
    ];

    public static IReadOnlyList<OverdueTask> OverdueTasks(int count) =>
        Enumerable.Range(1, count).Select(i => new OverdueTask(
            $"NV-2025-{i:000}",
            i % 3 == 0
                ? $"Rà soát, hoàn thiện quy chế làm việc và bố trí đủ cán bộ chuyên môn đất đai, quy hoạch, xây dựng tại các xã, phường (đợt {i})"
                : $"Báo cáo kết quả sắp xếp trụ sở, tài sản công dôi dư sau hợp nhất số {i}",
            $"S{i % Departments.Length:00}", Departments[i % Departments.Length],
            AsOf.AddDays(-(i * 7 % 120) - 1),
            i * 7 % 120 + 1, "123-CV/TU", null)).ToList();

    public static BriefingData HaiPhong(int overdueTasks = 60)
    {
        var overdue = OverdueTasks(overdueTasks);
        var byUnit = Departments.Select((u, i) => new TaskStatusByUnit(u, 40 + i * 7, i % 4, overdue.Count(o => o.LeadUnitName == u), 20 + i, i % 3)).ToList();
        var lagging = byUnit.Where(b => b.Overdue > 0 || b.CompletedLate > 0)
            .Select(b => new LaggingUnit(b.LeadUnit, b.LeadUnit, b.CompletedOnTime + b.CompletedLate + b.Overdue + b.OnTrack + b.NoDeadline, b.CompletedOnTime, b.CompletedLate, b.Overdue, 100.0 * b.CompletedOnTime / (b.CompletedOnTime + b.CompletedLate + b.Overdue)))
            .OrderByDescending(l => l.Overdue).ThenBy(l => l.OnTimeRate).ToList();
        double cum = 0, cumLast = 0;
        var thisYear = Enumerable.Range(1, 12).Select(m => (double?)(cum += 15000 + m * 500 + (m == 12 ? 4810 : 0))).ToList();
        var lastYear = Enumerable.Range(1, 12).Select(m => (double?)(cumLast += 12000 + m * 100 + (m == 12 ? 630 : 0))).ToList();
        return new BriefingData("31", "Thành phố Hải Phòng", AsOf,
            new RevenueFacts(197_810, 134.199, 118.8, 129.6, 29.6, 61.4, KpiStatus.Dat,
                [
                    new RevenueAgainstTarget("Tổng thu", 197_810, 147_400, 165_000),
                    new RevenueAgainstTarget("Thu nội địa", 121_450, 90_200, 99_000),
                    new RevenueAgainstTarget("Thu xuất nhập khẩu", 74_100, 56_000, 64_000),
                    new RevenueAgainstTarget("Thu khác", 2_260, 1_200, 2_000),
                ],
                new CumulativeRevenue(2025, thisYear, lastYear),
                [new GrowthPeriod("Quý I/2025", 10.8), new GrowthPeriod("6 tháng 2025", 11.2), new GrowthPeriod("9 tháng 2025", 11.0), new GrowthPeriod("Năm 2025", 11.8)],
                []),
            new IndexFacts(
                [
                    new IndexFact("PAR INDEX", 2024, 91.2, 1, 2, 1.35, "Cải cách tài chính công", 78.5, KpiStatus.Dat),
                    new IndexFact("SIPAS", 2024, 86.97, 1, 0, 0.4, "Tiếp cận dịch vụ", 82.1, KpiStatus.Dat),
                    new IndexFact("PCI", 2024, 72.05, 4, -1, -0.3, "Chi phí không chính thức", 61.0, KpiStatus.CanCoGang),
                ],
                [
                    new IndexRank("PAR INDEX", 2021, 5), new IndexRank("PAR INDEX", 2022, 4), new IndexRank("PAR INDEX", 2023, 3), new IndexRank("PAR INDEX", 2024, 1),
                    new IndexRank("SIPAS", 2021, 8), new IndexRank("SIPAS", 2022, 3), new IndexRank("SIPAS", 2023, 1), new IndexRank("SIPAS", 2024, 1),
                    new IndexRank("PCI", 2021, 2), new IndexRank("PCI", 2022, 5), new IndexRank("PCI", 2023, 3), new IndexRank("PCI", 2024, 4),
                ],
                [
                    new ComponentScore("PAR INDEX", "Cải cách tài chính công", 78.5), new ComponentScore("PAR INDEX", "Cải cách thể chế", 93.0),
                    new ComponentScore("PAR INDEX", "Hiện đại hóa hành chính", 88.7), new ComponentScore("SIPAS", "Tiếp cận dịch vụ", 82.1),
                    new ComponentScore("PCI", "Chi phí không chính thức", 61.0), new ComponentScore("PCI", "Tính minh bạch", 69.4),
                ]),
            new StaffingFacts(4_560, 4_412, 318, 170, 96.754, 61, 92, 34.2, -148, KpiStatus.CanCoGang,
                [
                    new SpecialtyGap("Đất đai", 64, 3), new SpecialtyGap("Quy hoạch, xây dựng", 58, 5), new SpecialtyGap("Tài chính, kế toán", 41, 12),
                    new SpecialtyGap("Công nghệ thông tin", 52, 0), new SpecialtyGap("Giáo dục", 22, 31), new SpecialtyGap("Y tế", 19, 8),
                    new SpecialtyGap("Văn phòng, tổng hợp", 12, 88), new SpecialtyGap("Tư pháp, hộ tịch", 30, 6), new SpecialtyGap("Văn hóa, xã hội", 20, 17),
                ],
                Enumerable.Range(1, 40).Select(i => new CommuneShortage(i % 2 == 0 ? $"Phường Lê Chân {i}" : $"Xã Tiên Lãng {i}", (i * 37) % 19)).ToList()),
            new TaskFacts(6_084, 4_380, 304, overdue.Count, 1_330, 10, 93.5, 77.0, 100.0 * overdue.Count / 6084, 34.6, 212, KpiStatus.Dat,
                byUnit, lagging, overdue),
            [
                new DataSource("thu_ngan_sach_2025.csv", "revenue", "ab12", new DateTime(2026, 1, 5, 8, 30, 0), 1_152),
                new DataSource("nhiem_vu_2025.xlsx", "tasks", "cd34", new DateTime(2026, 1, 6, 9, 15, 0), 6_084),
                new DataSource("phu_luc_bien_che_q4.csv", "staffing", "ef56", new DateTime(2026, 1, 6, 10, 0, 0), 6_384),
            ]);
    }
}
