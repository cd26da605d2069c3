namespace Analytics.Synthetic;

/// <summary>Invented revenue, targets and GRDP for synthetic provinces, sized by population and growing year on year.</summary>
public static class SyntheticRevenue
{
    private static readonly string[] ProvinceLeaves = ["thu_tien_su_dung_dat", "thu_xo_so", "thu_noi_dia_khac", "thu_xuat_nhap_khau", "thu_dau_tho", "thu_vien_tro"];

    /// <summary>Year windows (months 1..12, or 1..the as-of month in its year) for each leaf the province collects.</summary>
    public static List<RevenueWindow> ProvinceWindows(CityModel city, int fromYear, DateOnly asOf, Rng rng)
    {
        // billions of đồng per year: 8–25 million đồng per inhabitant
        var total = city.Population * rng.Range(0.008, 0.025);
        var xnk = rng.Chance(0.4) ? rng.Range(0.1, 0.35) : rng.Range(0.0, 0.04);
        var oil = city.Province.Code == "79" ? 0.04 : 0.0; // crude oil revenue is booked where the fields are landed
        double[] shares = [0.18, 0.04, 0.78 - xnk - oil, xnk, oil, 0.0005];
        var list = new List<RevenueWindow>();
        for (var year = fromYear; year <= asOf.Year; year++)
        {
            var to = year == asOf.Year ? asOf.Month : 12;
            var yearTotal = total * Math.Pow(1 + rng.Range(0.06, 0.16), year - fromYear) * to / 12.0;
            for (var k = 0; k < ProvinceLeaves.Length; k++)
            {
                var tenths = (long)Math.Round(yearTotal * shares[k] * rng.Range(0.9, 1.1) * 10);
                if (tenths > 0) list.Add(new RevenueWindow(year, ProvinceLeaves[k], 1, to, tenths));
            }
        }
        return list;
    }

    /// <summary>A commune's own revenue: land-use fees and other domestic revenue, a few percent of the province's by population.</summary>
    public static IEnumerable<RevenueWindow> CommuneWindows(CommuneModel c, List<RevenueWindow> province, CityModel city, Rng rng)
    {
        var share = (double)c.Population / city.Population * rng.Range(0.02, 0.06);
        foreach (var w in province)
            if (w.Category is "thu_tien_su_dung_dat" or "thu_noi_dia_khac")
            {
                var tenths = (long)Math.Round(w.Tenths * share * rng.Range(0.8, 1.2));
                if (tenths > 0) yield return w with { Tenths = tenths };
            }
    }

    /// <summary>Central and local estimates and the plan, a little below what was collected; for the as-of year also the plan to date.</summary>
    public static void WriteTargets(ContractCsvWriter w, string code, List<RevenueWindow> windows, DateOnly asOf, Rng rng)
    {
        foreach (var year in windows.Select(x => x.Year).Distinct().Order())
        {
            var ofYear = windows.Where(x => x.Year == year).ToList();
            var months = ofYear[0].ToMonth;
            var total = ofYear.Sum(x => x.Tenths) / 10.0 * 12 / months;
            var domestic = ofYear.Where(x => x.Category is "thu_tien_su_dung_dat" or "thu_xo_so" or "thu_noi_dia_khac").Sum(x => x.Tenths) / 10.0 * 12 / months;
            var central = rng.Range(0.78, 0.95);
            void Row(string category, string kind, int through, double amount)
            {
                w.Field(year).Field(code).Field(category).Field(kind).Field(through).Field((long)Math.Round(amount));
                w.EndRow();
            }
            Row("tong_thu", "du_toan_trung_uong", 12, total * central);
            Row("thu_noi_dia", "du_toan_trung_uong", 12, domestic * central);
            Row("tong_thu", "du_toan_dia_phuong", 12, total * central * 1.06);
            Row("thu_noi_dia", "du_toan_dia_phuong", 12, domestic * central * 1.06);
            Row("tong_thu", "ke_hoach", 12, total * central * 1.12);
            if (year == asOf.Year && asOf.Month < 12) Row("tong_thu", "ke_hoach", asOf.Month, total * central * 1.12 * asOf.Month / 12 * 0.95);
        }
    }

    /// <summary>GRDP growth of all 34 provinces: years (ranked nationally), quarters, halves and nine months.</summary>
    public static void WriteGrdp(ContractCsvWriter w, int fromYear, DateOnly asOf, Rng rng)
    {
        var trend = Provinces.All.ToDictionary(p => p.Code, _ => rng.Range(5.5, 10.5));
        for (var year = fromYear; year <= asOf.Year; year++)
        {
            var quarters = new Dictionary<string, double[]>();
            foreach (var p in Provinces.All)
            {
                var q = new double[4];
                for (var i = 0; i < 4; i++) q[i] = Math.Round(trend[p.Code] + rng.Normal(0, 0.8) + i * 0.15, 2);
                quarters[p.Code] = q;
            }
            // quarters complete by the as-of date (2026-05-31: only Q1)
            var lastQuarter = year < asOf.Year ? 4 : asOf.Month / 3;
            foreach (var p in Provinces.All)
            {
                var q = quarters[p.Code];
                for (var i = 0; i < lastQuarter; i++) Row(w, $"{year}-Q{i + 1}", p.Code, q[i], null);
                if (lastQuarter >= 2) Row(w, $"{year}-H1", p.Code, (q[0] + q[1]) / 2, null);
                if (lastQuarter >= 3) Row(w, $"{year}-9M", p.Code, (q[0] + q[1] + q[2]) / 3, null);
            }
            if (lastQuarter == 4)
            {
                var annual = Provinces.All.Select(p => (p.Code, Growth: Math.Round(quarters[p.Code].Average(), 2)))
                    .OrderByDescending(x => x.Growth).ThenBy(x => x.Code, StringComparer.Ordinal).ToList();
                for (var r = 0; r < annual.Count; r++) Row(w, $"{year}", annual[r].Code, annual[r].Growth, r + 1);
            }
        }
    }

    private static void Row(ContractCsvWriter w, string period, string code, double growth, int? rank)
    {
        w.Field(period).Field(code).Fixed((long)Math.Round(growth * 100), 2).Field((string?)null).Field((long?)rank);
        w.EndRow();
    }
}
