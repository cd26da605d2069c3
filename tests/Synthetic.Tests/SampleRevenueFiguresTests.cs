using static Analytics.Tests.SampleFiles;

namespace Analytics.Synthetic.Tests;

/// <summary>
/// The Hải Phòng sample files must reproduce the figures of the one-year review conclusion (seed
/// 004) when computed as INDICATORS.md defines them: sums of monthly leaf rows (parents derived),
/// year-to-date through month M, against targets by kind and through_month. Computed here in
/// plain C# from the committed CSVs so a regeneration can never drift unnoticed.
/// </summary>
public class SampleRevenueFiguresTests
{
    private static readonly string[] Domestic = ["thu_tien_su_dung_dat", "thu_xo_so", "thu_noi_dia_khac"];

    private static readonly List<Dictionary<string, string>> Revenue = Sample("revenue_31.csv");
    private static readonly List<Dictionary<string, string>> Targets = Sample("revenue_targets_31.csv");

    /// <summary>ytd(category, Y, M): Σ months 1..M; tong_thu and thu_noi_dia from their leaves. Requires every month present.</summary>
    private static double Ytd(string category, int year, int month)
    {
        var rows = Revenue.Where(r => r["unit_code"] == "31").Select(r => (
            Year: int.Parse(r["period"][..4]), Month: int.Parse(r["period"][5..]), Cat: r["category"], Amount: Num(r["amount_bn_vnd"])))
            .Where(r => r.Year == year && r.Month <= month)
            .Where(r => category == "tong_thu" || (category == "thu_noi_dia" ? Domestic.Contains(r.Cat) : r.Cat == category))
            .ToList();
        Assert.Equal(Enumerable.Range(1, month), rows.Select(r => r.Month).Distinct().Order());
        return rows.Sum(r => r.Amount);
    }

    private static double Target(int year, string category, string kind, int throughMonth) =>
        Num(Targets.Single(t => t["year"] == year.ToString() && t["category"] == category && t["target_kind"] == kind
                                && t["through_month"] == throughMonth.ToString())["amount_bn_vnd"]);

    [Fact]
    public void Total_2025_is_197810_and_134_2_percent_of_the_central_estimate_and_up_29_6_percent()
    {
        var ytd = Ytd("tong_thu", 2025, 12);
        Assert.Equal(197_810.0, ytd, 6);
        Assert.Equal(147_400.0, Target(2025, "tong_thu", "du_toan_trung_uong", 12));
        Assert.Equal(134.1995, ytd / 147_400 * 100, 4);
        Assert.Equal(134.2, Round1(ytd / Target(2025, "tong_thu", "du_toan_trung_uong", 12) * 100));
        Assert.Equal(152_630.0, Ytd("tong_thu", 2024, 12), 6);
        Assert.Equal(29.6, Round1(ytd / Ytd("tong_thu", 2024, 12) * 100 - 100));
    }

    [Fact]
    public void Domestic_2025_is_nearly_105_thousand_billion_140_6_percent_of_estimate_up_37_3_percent()
    {
        var ytd = Ytd("thu_noi_dia", 2025, 12);
        Assert.InRange(ytd, 104_500, 104_999.9);
        Assert.Equal(105.0, Round1(ytd / 1000)); // "gần 105 nghìn tỷ"
        Assert.Equal(140.6, Round1(ytd / Target(2025, "thu_noi_dia", "du_toan_trung_uong", 12) * 100));
        Assert.Equal(37.3, Round1(ytd / Ytd("thu_noi_dia", 2024, 12) * 100 - 100));
    }

    [Fact]
    public void Five_months_2026_are_97471_118_8_percent_of_plan_and_111_9_percent_of_the_same_period()
    {
        var ytd = Ytd("tong_thu", 2026, 5);
        Assert.Equal(97_471.0, ytd, 6);
        Assert.Equal(118.8, Round1(ytd / Target(2026, "tong_thu", "ke_hoach", 5) * 100));
        Assert.Equal(111.9, Round1(ytd / Ytd("tong_thu", 2025, 5) * 100));
        Assert.Equal(52_613.0, Ytd("thu_noi_dia", 2026, 5), 6);
    }

    [Fact]
    public void Only_the_latest_month_is_an_estimate()
    {
        var estimates = Revenue.Where(r => r["is_estimate"] == "true").Select(r => r["period"]).Distinct().ToList();
        Assert.Equal(["2026-05"], estimates);
        Assert.Equal("2024-01", Revenue.Min(r => r["period"]));
    }

    [Fact]
    public void Revenue_is_seasonal_with_a_year_end_peak_and_a_Tet_dip()
    {
        double Month(int y, int m) => Revenue.Where(r => r["period"] == $"{y}-{m:00}" && Domestic.Contains(r["category"])).Sum(r => Num(r["amount_bn_vnd"]));
        foreach (var y in new[] { 2024, 2025 })
        {
            var months = Enumerable.Range(1, 12).Select(m => Month(y, m)).ToList();
            Assert.Equal(months.Max(), months[11]);
            Assert.True(months[1] < months[0], $"{y}: February (Tết) should be below January");
        }
    }

    [Fact]
    public void Grdp_growth_2025_is_11_81_and_2026_q1_is_11_21_second_and_third_nationally()
    {
        var grdp = Sample("grdp.csv").Where(r => r["unit_code"] == "31").ToDictionary(r => r["period"]);
        Assert.Equal("11.81", grdp["2025"]["growth_pct"]);
        Assert.Equal("2", grdp["2025"]["rank_national"]);
        Assert.Equal("11.21", grdp["2026-Q1"]["growth_pct"]);
        Assert.Equal("3", grdp["2026-Q1"]["rank_national"]);
        // ranks agree with the growth figures across all 34 provinces
        foreach (var period in new[] { "2025", "2026-Q1" })
        {
            var rows = Sample("grdp.csv").Where(r => r["period"] == period).OrderBy(r => int.Parse(r["rank_national"])).ToList();
            Assert.Equal(34, rows.Count);
            for (var i = 1; i < rows.Count; i++) Assert.True(Num(rows[i]["growth_pct"]) <= Num(rows[i - 1]["growth_pct"]));
        }
    }
}
