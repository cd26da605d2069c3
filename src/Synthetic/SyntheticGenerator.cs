namespace Analytics.Synthetic;

/// <summary>What a scale generates: which provinces with how many communes, over which period.</summary>
public sealed record SyntheticScale(
    string Name,
    IReadOnlyList<(Province Province, int Communes)> Provinces,
    DateOnly From,
    DateOnly AsOf,
    int RevenueFromYear,
    /// <summary>Staffing over the full 14 × 4 template (56 cells) rather than the 21 cells a commune appendix usually fills.</summary>
    bool FullGrid,
    /// <summary>Revenue for every commune too, not only the province.</summary>
    bool CommuneRevenue,
    /// <summary>Staffing appendices for departments too, not only communes.</summary>
    bool DepartmentStaffing,
    double CommuneClausesPerMonth,
    int IndexFirstYear)
{
    /// <summary>
    /// From this month on staffing is reported at every month end rather than every quarter end
    /// (the monthly surplus/shortage reports of the run-up to and follow-up of the reorganisation);
    /// null: quarterly throughout.
    /// </summary>
    public DateOnly? MonthlyStaffingFrom { get; init; }

    public static readonly DateOnly Reorganisation = new(2025, 7, 1);

    public static SyntheticScale For(string name) => name switch
    {
        // one small mountain province
        "small" => new("small", [(Synthetic.Provinces.All.Single(p => p.Code == "12"), 38)],
            new DateOnly(2024, 7, 1), new DateOnly(2026, 5, 31), 2024, false, false, false, 1.2, 2022),
        // one city the size of Hải Phòng, five years
        "province" => new("province", [(Synthetic.Provinces.All.Single(p => p.Code == "48"), 114)],
            new DateOnly(2021, 7, 1), new DateOnly(2026, 5, 31), 2021, true, true, true, 2.5, 2021),
        // the country: 34 provinces, 3,321 communes, five years; staffing monthly from April 2024
        // (≈ 10 million rows in all, issue 7)
        "national" => new("national", NationalCommuneCounts(),
            new DateOnly(2021, 7, 1), new DateOnly(2026, 5, 31), 2021, true, true, true, 2.2, 2021)
        { MonthlyStaffingFrom = new DateOnly(2024, 4, 1) },
        _ => throw new ArgumentException($"unknown scale '{name}' (small, province, national)", nameof(name)),
    };

    /// <summary>3,321 communes over the 34 provinces: Hải Phòng 114 and Cần Thơ 103 as in the official lists, the rest spread by an invented weight.</summary>
    private static IReadOnlyList<(Province, int)> NationalCommuneCounts()
    {
        var rng = new Rng(3321);
        var others = Synthetic.Provinces.All.Where(p => p.Code is not ("31" or "92")).ToList();
        var counts = RevenueGenerator.Apportion(3321 - 114 - 103, others.Select(_ => rng.Range(0.55, 1.6)).ToList());
        return Synthetic.Provinces.All
            .Select(p => (p, p.Code == "31" ? 114 : p.Code == "92" ? 103 : (int)counts[others.IndexOf(p)]))
            .ToList();
    }
}

/// <summary>Files and rows written by a generation run.</summary>
public sealed record GenerationSummary(IReadOnlyList<string> Files, IReadOnlyDictionary<string, long> RowsByDataset)
{
    public long TotalRows => RowsByDataset.Values.Sum();
}

/// <summary>
/// Deterministic synthetic input files in the contract formats, for benchmarks: invented
/// provinces' communes, departments, task registers, quarterly staffing appendices, monthly
/// revenue, targets, GRDP and published indices with ranks consistent across all 34 provinces.
/// Rows are streamed to disk as they are made; at most one province's task register (a few
/// thousand tasks) is held in memory. The same seed writes byte-identical files.
/// </summary>
public static class SyntheticGenerator
{
    public static GenerationSummary Generate(SyntheticScale scale, string outDir, ulong seed)
    {
        Directory.CreateDirectory(outDir);
        var files = new List<string>();
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        void Count(string dataset, long n) => rows[dataset] = rows.GetValueOrDefault(dataset) + n;

        var generated = scale.Provinces.Select(p => p.Province.Code).ToHashSet(StringComparer.Ordinal);
        var rest = Provinces.All.Where(p => !generated.Contains(p.Code)).ToList();
        if (rest.Count > 0)
        {
            using var w = new ContractCsvWriter(Path.Combine(outDir, "units_provinces.csv"), "unit_code", "unit_name", "unit_type");
            foreach (var p in rest) { w.Field(p.Code).Field(p.Name).Field(p.Type); w.EndRow(); }
            files.Add(w.Path);
            Count("units", w.Rows);
        }

        var snapshots = StaffingSnapshots(scale.From, scale.AsOf, scale.MonthlyStaffingFrom);
        foreach (var (province, communeCount) in scale.Provinces)
        {
            var code = province.Code;
            var city = SyntheticCities.Build(province, communeCount, Rng.For(seed, "city/" + code));

            var unitsFile = SampleProvinceGenerator.WriteUnits(outDir, city);
            files.Add(unitsFile);
            Count("units", 1 + city.Departments.Count + city.Communes.Count);

            var settings = new TaskRegisterSettings(scale.From, scale.AsOf, SyntheticScale.Reorganisation,
                scale.CommuneClausesPerMonth, DirectivesBefore: (1, 2), DirectivesAfter: (2, 3));
            using (var tasks = new ContractCsvWriter(Path.Combine(outDir, $"tasks_{code}.csv"), TaskRegisterGenerator.TaskHeader))
            using (var updates = new ContractCsvWriter(Path.Combine(outDir, $"task_updates_{code}.csv"), TaskRegisterGenerator.UpdateHeader))
            {
                var (t, u) = TaskRegisterGenerator.Write(city, settings, Rng.For(seed, "tasks/" + code), tasks, updates);
                files.Add(tasks.Path);
                files.Add(updates.Path);
                Count("tasks", t);
                Count("task_updates", u);
            }

            using (var staffing = new ContractCsvWriter(Path.Combine(outDir, $"staffing_{code}.csv"), StaffingGenerator.Header))
            {
                var units = scale.DepartmentStaffing
                    ? city.Communes.Concat(city.Departments.Select(d => new CommuneModel(d.Code, d.Name, d.Type, "", "", city.Population / city.Communes.Count, 0))).ToList()
                    : city.Communes.ToList();
                StaffingGenerator.Write(units, snapshots, seed, _ => staffing, scale.FullGrid);
                files.Add(staffing.Path);
                Count("staffing", staffing.Rows);
            }

            using (var revenue = new ContractCsvWriter(Path.Combine(outDir, $"revenue_{code}.csv"), RevenueGenerator.Header))
            using (var targets = new ContractCsvWriter(Path.Combine(outDir, $"revenue_targets_{code}.csv"),
                       "year", "unit_code", "category", "target_kind", "through_month", "amount_bn_vnd"))
            {
                var rng = Rng.For(seed, "revenue/" + code);
                var estimateFrom = (scale.AsOf.Year, scale.AsOf.Month);
                var provinceWindows = SyntheticRevenue.ProvinceWindows(city, scale.RevenueFromYear, scale.AsOf, rng);
                RevenueGenerator.Write(revenue, code, provinceWindows, estimateFrom, rng, withParents: true);
                SyntheticRevenue.WriteTargets(targets, code, provinceWindows, scale.AsOf, rng);
                if (scale.CommuneRevenue)
                    foreach (var c in city.Communes)
                        RevenueGenerator.Write(revenue, c.Code, SyntheticRevenue.CommuneWindows(c, provinceWindows, city, rng), estimateFrom, rng, withParents: true);
                files.Add(revenue.Path);
                files.Add(targets.Path);
                Count("revenue", revenue.Rows);
                Count("revenue_targets", targets.Rows);
            }
        }

        using (var grdp = new ContractCsvWriter(Path.Combine(outDir, "grdp.csv"), "period", "unit_code", "growth_pct", "value_bn_vnd", "rank_national"))
        {
            SyntheticRevenue.WriteGrdp(grdp, scale.IndexFirstYear, scale.AsOf, Rng.For(seed, "grdp"));
            files.Add(grdp.Path);
            Count("grdp", grdp.Rows);
        }
        using (var w = new ContractCsvWriter(Path.Combine(outDir, "admin_indices.csv"),
                   "year", "index_code", "unit_code", "component", "score", "max_score", "rank", "rank_of", "source"))
        {
            foreach (var r in AdminIndexSamples.Rows(seed, scale.IndexFirstYear, scale.AsOf.Year - 1, pinHaiPhong: false))
            {
                w.Field(r.Year).Field(r.IndexCode).Field(r.UnitCode).Field(r.Component).Fixed(r.ScoreHundredths, 2)
                    .Fixed(r.MaxHundredths, 2).Field(r.Rank).Field(r.RankOf).Field(r.Source);
                w.EndRow();
            }
            files.Add(w.Path);
            Count("admin_indices", w.Rows);
        }
        using (var w = new ContractCsvWriter(Path.Combine(outDir, "kpi_targets.csv"), "indicator_id", "unit_code", "green_at", "amber_at"))
        {
            foreach (var (id, unit, green, amber) in SampleFigures.KpiTargets.Where(k => k.Unit == "*"))
            {
                w.Field(id).Field(unit).Field(green).Field(amber);
                w.EndRow();
            }
            files.Add(w.Path);
            Count("kpi_targets", w.Rows);
        }
        return new GenerationSummary(files, rows);
    }

    /// <summary>A snapshot at the end of every quarter in the period; before the reorganisation the phase is truoc_sap_xep.</summary>
    public static IReadOnlyList<StaffingSnapshotPlan> QuarterlySnapshots(DateOnly from, DateOnly asOf) => StaffingSnapshots(from, asOf, null);

    /// <summary>
    /// Quarter-end snapshots, and from monthlyFrom on month-end ones; progress after the
    /// reorganisation grows by 0.22 a quarter (a third of that a month), the same at quarter ends either way.
    /// </summary>
    public static IReadOnlyList<StaffingSnapshotPlan> StaffingSnapshots(DateOnly from, DateOnly asOf, DateOnly? monthlyFrom)
    {
        var list = new List<StaffingSnapshotPlan>();
        for (var m = new DateOnly(from.Year, (from.Month - 1) / 3 * 3 + 3, 1); ; m = m.AddMonths(3))
        {
            if (monthlyFrom is { } monthly && m.AddMonths(-2) >= monthly)
            {
                for (var month = m.AddMonths(-2); ; month = month.AddMonths(1))
                {
                    var monthEnd = new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month));
                    if (monthEnd > asOf) break;
                    if (monthEnd < from) continue;
                    var reorganised = monthEnd >= SyntheticScale.Reorganisation;
                    var quartersIn = reorganised ? ((monthEnd.Year - 2025) * 12 + monthEnd.Month - 9) / 3.0 + 1 : 0;
                    list.Add(new StaffingSnapshotPlan(monthEnd, reorganised ? "sau_sap_xep" : "truoc_sap_xep", Math.Min(1.0, 0.22 * quartersIn)));
                }
                return list;
            }
            var end = new DateOnly(m.Year, m.Month, DateTime.DaysInMonth(m.Year, m.Month));
            if (end > asOf) break;
            if (end < from) continue;
            var after = end >= SyntheticScale.Reorganisation;
            var quarters = after ? (end.Year - 2025) * 4 + (end.Month - 9) / 3 + 1 : 0;
            list.Add(new StaffingSnapshotPlan(end, after ? "sau_sap_xep" : "truoc_sap_xep", Math.Min(1.0, 0.22 * quarters)));
        }
        return list;
    }
}
