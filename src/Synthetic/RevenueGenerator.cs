namespace Analytics.Synthetic;

/// <summary>
/// A fixed total of one leaf revenue category over months <see cref="FromMonth"/>..<see cref="ToMonth"/>
/// of a year, in tenths of a billion đồng (so sums are exact).
/// </summary>
public sealed record RevenueWindow(int Year, string Category, int FromMonth, int ToMonth, long Tenths);

/// <summary>
/// Spreads window totals over months with a seasonal shape and some noise, keeping every window
/// total exact to the tenth (largest remainder), so year-to-date sums reproduce published figures.
/// </summary>
public static class RevenueGenerator
{
    public static readonly string[] Header = ["period", "unit_code", "category", "amount_bn_vnd", "is_estimate"];

    public static readonly string[] Leaves =
        ["thu_tien_su_dung_dat", "thu_xo_so", "thu_noi_dia_khac", "thu_xuat_nhap_khau", "thu_dau_tho", "thu_vien_tro"];

    /// <summary>Month weights (Jan..Dec): Tết in late January/February, tax settlement in March–April, the year-end peak.</summary>
    public static double[] Season(string category) => category switch
    {
        "thu_noi_dia_khac" => [1.15, 0.72, 0.88, 0.95, 0.90, 0.93, 0.98, 0.92, 0.94, 1.00, 1.02, 1.45],
        "thu_tien_su_dung_dat" => [0.60, 0.50, 0.70, 0.80, 0.90, 1.00, 0.90, 0.90, 1.00, 1.10, 1.20, 2.20],
        "thu_xo_so" => [1.05, 1.20, 0.95, 0.95, 0.95, 0.95, 0.97, 0.97, 0.98, 1.00, 1.00, 1.05],
        "thu_xuat_nhap_khau" => [0.95, 0.80, 1.00, 1.00, 1.02, 1.00, 1.02, 1.03, 1.00, 1.05, 1.05, 1.08],
        "thu_dau_tho" => [1.00, 0.95, 1.00, 1.00, 1.00, 0.98, 1.00, 1.00, 0.98, 1.00, 1.02, 1.02],
        _ => [0.6, 0.5, 1.0, 0.8, 1.2, 0.9, 1.0, 1.1, 0.9, 1.0, 1.2, 1.8],
    };

    /// <summary>The monthly amounts (tenths) of one window.</summary>
    public static long[] Spread(RevenueWindow w, Rng rng)
    {
        var season = Season(w.Category);
        var lumpy = w.Category is "thu_tien_su_dung_dat" or "thu_vien_tro";
        var n = w.ToMonth - w.FromMonth + 1;
        var weights = new double[n];
        for (var i = 0; i < n; i++)
            weights[i] = season[w.FromMonth - 1 + i] * (lumpy ? rng.Range(0.6, 1.4) : rng.Range(0.94, 1.06));
        return Apportion(w.Tenths, weights);
    }

    /// <summary>Splits a total into integer parts proportional to the weights; the parts sum to the total exactly.</summary>
    public static long[] Apportion(long total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var parts = new long[weights.Count];
        var rema = new (double Rem, int Index)[weights.Count];
        long assigned = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = total * weights[i] / sum;
            parts[i] = (long)Math.Floor(exact);
            rema[i] = (exact - parts[i], i);
            assigned += parts[i];
        }
        Array.Sort(rema, (a, b) => b.Rem != a.Rem ? b.Rem.CompareTo(a.Rem) : a.Index.CompareTo(b.Index));
        for (var k = 0; k < total - assigned; k++) parts[rema[k % rema.Length].Index]++;
        return parts;
    }

    /// <summary>
    /// Writes the months of every window for one unit, in period then category order. The months
    /// from <paramref name="estimateFrom"/> on are marked as estimates (ước thực hiện).
    /// </summary>
    public static long Write(ContractCsvWriter w, string unitCode, IEnumerable<RevenueWindow> windows, (int Year, int Month) estimateFrom, Rng rng,
        bool withParents = false)
    {
        var amounts = new SortedDictionary<(int Year, int Month, int Leaf), long>();
        foreach (var win in windows)
        {
            var parts = Spread(win, rng);
            var leaf = Array.IndexOf(Leaves, win.Category);
            if (leaf < 0) throw new ArgumentException($"not a leaf revenue category: {win.Category}");
            for (var i = 0; i < parts.Length; i++) amounts.Add((win.Year, win.FromMonth + i, leaf), parts[i]);
        }
        long rows = 0;
        (int Year, int Month) current = (0, 0);
        long total = 0, domestic = 0;
        void Parents()
        {
            // tong_thu and thu_noi_dia as the finance office reports them beside their parts (they agree exactly)
            if (!withParents || current.Year == 0) return;
            var period = $"{current.Year:0000}-{current.Month:00}";
            var estimate = current.CompareTo(estimateFrom) >= 0;
            w.Field(period).Field(unitCode).Field("tong_thu").Fixed(total, 1).Field(estimate);
            w.EndRow();
            w.Field(period).Field(unitCode).Field("thu_noi_dia").Fixed(domestic, 1).Field(estimate);
            w.EndRow();
            rows += 2;
        }
        foreach (var ((year, month, leaf), tenths) in amounts)
        {
            if ((year, month) != current) { Parents(); current = (year, month); total = domestic = 0; }
            total += tenths;
            if (leaf <= 2) domestic += tenths;
            var period = $"{year:0000}-{month:00}";
            w.Field(period).Field(unitCode).Field(Leaves[leaf]).Fixed(tenths, 1)
                .Field((year, month).CompareTo(estimateFrom) >= 0);
            w.EndRow();
            rows++;
        }
        Parents();
        return rows;
    }
}
