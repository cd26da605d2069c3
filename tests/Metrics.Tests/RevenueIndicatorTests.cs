namespace Analytics.Metrics.Tests;

/// <summary>
/// Revenue of P (bn VND per month), only leaves and some parents given:
///   2025 m1..m3  đất 5, xổ số 1, XNK 4          → thu nội địa 6, tổng thu 10 each month (derived)
///   2026 m1      đất 6, xổ số 2, XNK 4, dầu thô 1 → nội địa 8, tổng 13
///   2026 m2      đất 7, (xổ số missing), XNK 5, dầu thô 1 → nội địa and tổng incomplete
///   2026 m3      nội địa given 10 (own row), đất 3, XNK 6, dầu thô 1 → tổng 17
/// Targets 2026: tổng thu dự toán TW (12 months) 150, kế hoạch through January 10; XNK kế hoạch through March 20.
/// </summary>
public sealed class RevenueIndicatorTests : IDisposable
{
    private readonly TestWarehouse _w = new();
    private static readonly DateOnly Jan = new(2026, 1, 31);
    private static readonly DateOnly Mar = new(2026, 3, 31);

    public RevenueIndicatorTests()
    {
        _w.Unit("P", "Tỉnh P", "tinh").Unit("K", "Xã K", "xa", "P");
        for (var m = 1; m <= 3; m++)
            _w.Revenue(2025, m, "P", "thu_tien_su_dung_dat", 5).Revenue(2025, m, "P", "thu_xo_so", 1).Revenue(2025, m, "P", "thu_xuat_nhap_khau", 4);
        _w.Revenue(2026, 1, "P", "thu_tien_su_dung_dat", 6).Revenue(2026, 1, "P", "thu_xo_so", 2).Revenue(2026, 1, "P", "thu_xuat_nhap_khau", 4).Revenue(2026, 1, "P", "thu_dau_tho", 1)
          .Revenue(2026, 2, "P", "thu_tien_su_dung_dat", 7).Revenue(2026, 2, "P", "thu_xuat_nhap_khau", 5).Revenue(2026, 2, "P", "thu_dau_tho", 1)
          .Revenue(2026, 3, "P", "thu_noi_dia", 10).Revenue(2026, 3, "P", "thu_tien_su_dung_dat", 3).Revenue(2026, 3, "P", "thu_xuat_nhap_khau", 6).Revenue(2026, 3, "P", "thu_dau_tho", 1)
          .Revenue(2026, 1, "K", "tong_thu", 99);
        _w.RevenueTarget(2026, "P", "tong_thu", "du_toan_trung_uong", 12, 150)
          .RevenueTarget(2026, "P", "tong_thu", "ke_hoach", 1, 10)
          .RevenueTarget(2026, "P", "thu_xuat_nhap_khau", "ke_hoach", 3, 20);
    }

    public void Dispose() => _w.Dispose();

    private double? Value(DateOnly d, string id, string? category = null, string? kind = null, string unit = "P")
    {
        var row = _w.Metrics.Compute(unit, d, "revenue.").SingleOrDefault(v => v.Id == id
            && v.Dims.GetValueOrDefault("category") == category && v.Dims.GetValueOrDefault("target_kind") == kind);
        Assert.NotNull(row);
        return row.Value;
    }

    [Fact]
    public void January_parents_are_the_sum_of_their_children()
    {
        Assert.Equal(8.0, Value(Jan, "revenue.ytd", "thu_noi_dia"));             // 6 + 2
        Assert.Equal(13.0, Value(Jan, "revenue.ytd", "tong_thu"));               // 8 + 4 + 1
        Assert.Equal(130.0, Value(Jan, "revenue.yoy_ratio", "tong_thu")!.Value, 8);  // 13 ÷ 10
        Assert.Equal(30.0, Value(Jan, "revenue.yoy_growth", "tong_thu")!.Value, 8);
        Assert.Equal(8.0 / 13 * 100, Value(Jan, "revenue.domestic_share")!.Value, 8);
        Assert.Equal(13.0 / 150 * 100, Value(Jan, "revenue.pct_of_annual_target", "tong_thu", "du_toan_trung_uong")!.Value, 8);
        Assert.Equal(130.0, Value(Jan, "revenue.pct_of_period_target", "tong_thu", "ke_hoach")!.Value, 8);  // 13 ÷ 10
        Assert.Null(Value(Jan, "revenue.yoy_ratio", "thu_dau_tho"));             // no data last year: no basis
    }

    [Fact]
    public void A_missing_month_makes_the_ytd_null_and_is_reported()
    {
        Assert.Equal(16.0, Value(Mar, "revenue.ytd", "thu_tien_su_dung_dat"));  // 6 + 7 + 3
        Assert.Equal(15.0, Value(Mar, "revenue.ytd", "thu_xuat_nhap_khau"));    // 4 + 5 + 6
        Assert.Equal(125.0, Value(Mar, "revenue.yoy_ratio", "thu_xuat_nhap_khau")!.Value, 8);   // 15 ÷ 12
        Assert.Equal(75.0, Value(Mar, "revenue.pct_of_period_target", "thu_xuat_nhap_khau", "ke_hoach")!.Value, 8); // 15 ÷ 20
        Assert.Null(Value(Mar, "revenue.ytd", "thu_xo_so"));                     // February and March missing
        Assert.Null(Value(Mar, "revenue.ytd", "thu_noi_dia"));                   // February has đất but not xổ số
        Assert.Null(Value(Mar, "revenue.ytd", "tong_thu"));                      // so February's total is incomplete too
        Assert.Null(Value(Mar, "revenue.yoy_ratio", "tong_thu"));
        Assert.Null(Value(Mar, "revenue.domestic_share"));
        Assert.Null(Value(Mar, "revenue.pct_of_annual_target", "tong_thu", "du_toan_trung_uong"));
        Assert.Equal(
            [("thu_noi_dia", 2026, "2"), ("thu_xo_so", 2026, "2,3"), ("tong_thu", 2026, "2")],
            _w.Metrics.RevenueGaps("P", Mar).Select(g => (g.Category, g.Year, string.Join(",", g.MissingMonths))));
        Assert.Empty(_w.Metrics.RevenueGaps("P", Jan));
    }

    [Fact]
    public void Own_parent_row_wins_over_its_children()
    {
        // March: thu nội địa given as 10 although đất alone is 3; with February filled the YTD is 8 + (7 + 2) + 10
        _w.Revenue(2026, 2, "P", "thu_xo_so", 2);
        Assert.Equal(27.0, Value(Mar, "revenue.ytd", "thu_noi_dia"));
        Assert.Equal(27.0 + 15 + 3, Value(Mar, "revenue.ytd", "tong_thu"));      // + XNK 15 + dầu thô 3
        Assert.DoesNotContain(_w.Metrics.RevenueGaps("P", Mar), g => g.Year == 2026 && g.Category != "thu_xo_so");
    }

    [Fact]
    public void Months_after_d_are_invisible_and_a_mid_month_date_counts_its_month()
    {
        var before = string.Join("\n", _w.Metrics.Compute("P", Mar, "revenue.").Select(v => $"{v.Id} {string.Join(",", v.Dims)} {v.Value}"));
        _w.Revenue(2026, 4, "P", "thu_xo_so", 50).Revenue(2026, 4, "P", "thu_tien_su_dung_dat", 50);
        var after = string.Join("\n", _w.Metrics.Compute("P", Mar, "revenue.").Select(v => $"{v.Id} {string.Join(",", v.Dims)} {v.Value}"));
        Assert.Equal(before, after);
        Assert.Equal(16.0, Value(new DateOnly(2026, 3, 15), "revenue.ytd", "thu_tien_su_dung_dat"));
    }

    [Fact]
    public void Series_of_a_category_month_by_month()
    {
        DateOnly[] dates = [new(2025, 12, 31), Jan, new(2026, 2, 28), Mar];
        // đất: 2025 months 1..3 only → 2025-12 incomplete (null); 6; 6 + 7; 6 + 7 + 3
        Assert.Equal([null, 6.0, 13.0, 16.0],
            _w.Metrics.Series("revenue.ytd", "P", new Dictionary<string, string> { ["category"] = "thu_tien_su_dung_dat" }, dates).Select(p => p.Value));
    }

    [Fact]
    public void Revenue_does_not_roll_up()
    {
        Assert.Equal(99.0, Value(Jan, "revenue.ytd", "tong_thu", unit: "K"));
        Assert.Equal(13.0, Value(Jan, "revenue.ytd", "tong_thu"));              // P's own rows, not P + K
    }
}

/// <summary>The check by hand of INDICATORS.md with Hải Phòng's published 2025 figures (seed 004).</summary>
public sealed class HaiPhongRevenueTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    [Fact]
    public void Revenue_2025_against_estimate_and_2024_reads_as_published()
    {
        _w.Unit("31", "Thành phố Hải Phòng", "thanh_pho");
        // 2025: 11 months of 16.000 and December 21.810 → 197.810; 2024: 11 × 12.000 + 20.630 → 152.630
        for (var m = 1; m <= 12; m++)
            _w.Revenue(2025, m, "31", "tong_thu", m < 12 ? 16000 : 21810).Revenue(2024, m, "31", "tong_thu", m < 12 ? 12000 : 20630);
        _w.RevenueTarget(2025, "31", "tong_thu", "du_toan_trung_uong", 12, 147400)
          .RevenueTarget(2025, "31", "thu_noi_dia", "du_toan_trung_uong", 12, 74000);   // no thu nội địa data: null, not 0
        var values = _w.Metrics.Compute("31", new DateOnly(2025, 12, 31), "revenue.");
        MetricValue Row(string id, string category, string? kind = null) =>
            values.Single(v => v.Id == id && v.Dims["category"] == category && v.Dims.GetValueOrDefault("target_kind") == kind);

        var ytd = Row("revenue.ytd", "tong_thu");
        var pct = Row("revenue.pct_of_annual_target", "tong_thu", "du_toan_trung_uong");
        var growth = Row("revenue.yoy_growth", "tong_thu");
        Assert.Equal(197810.0, ytd.Value);
        Assert.Equal(197810.0 / 147400 * 100, pct.Value!.Value, 8);       // 134.1995…
        Assert.Equal(197810.0 / 152630 * 100 - 100, growth.Value!.Value, 8); // 29.6009…
        Assert.Null(Row("revenue.pct_of_annual_target", "thu_noi_dia", "du_toan_trung_uong").Value);

        // as a briefing prints them
        Assert.Equal("197.810 tỷ đồng", MetricDisplay.Value(Catalogue.IndicatorCatalogue.Get("revenue.ytd")!, ytd.Value));
        Assert.Equal("134,2%", MetricDisplay.Value(Catalogue.IndicatorCatalogue.Get(pct.Id)!, pct.Value));
        Assert.Equal("+29,6%", MetricDisplay.Value(Catalogue.IndicatorCatalogue.Get(growth.Id)!, growth.Value));
    }
}

/// <summary>
/// Sums of doubles carry binary noise (0.1 + 0.2 = 0.30000000000000004; the CSV export once read
/// 11239.999999999998): every value leaves the metrics layer rounded to 8 places, so exports and
/// analysts' SQL show the figure that was loaded.
/// </summary>
public sealed class FloatNoiseTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public FloatNoiseTests() =>
        _w.Unit("Q", "Tỉnh Q", "tinh")
          .Revenue(2026, 1, "Q", "thu_tien_su_dung_dat", 0.1).Revenue(2026, 2, "Q", "thu_tien_su_dung_dat", 0.2);

    public void Dispose() => _w.Dispose();

    [Fact]
    public void A_year_to_date_sum_of_tenths_is_exactly_the_decimal_figure()
    {
        var ytd = _w.Metrics.Compute("Q", new DateOnly(2026, 2, 28), "revenue.ytd")
            .Single(v => v.Dims.GetValueOrDefault("category") == "thu_tien_su_dung_dat");
        Assert.Equal(0.3, ytd.Value);   // exact, not 0.30000000000000004
    }
}
