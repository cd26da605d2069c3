using System.Text;

namespace Analytics.Synthetic;

/// <summary>
/// Generates the shipped data-samples/: Hải Phòng (31, 114 communes) and Cần Thơ (92, 103
/// communes) from the official lists, July 2024 – May 2026 (revenue from January 2024), plus the
/// other 32 provinces for index ranks. The Hải Phòng revenue and growth figures reproduce those
/// quoted in the one-year review conclusion (seed 004) exactly; everything else is invented,
/// plausibly. Deterministic: the same seed writes byte-identical files.
/// </summary>
public static class SampleProvinceGenerator
{
    public const ulong DefaultSeed = 20260602;

    public static readonly DateOnly From = new(2024, 7, 1);
    public static readonly DateOnly AsOf = new(2026, 5, 31);
    public static readonly DateOnly Reorganisation = new(2025, 7, 1);

    public static IReadOnlyList<StaffingSnapshotPlan> Snapshots { get; } =
    [
        new(new DateOnly(2025, 6, 30), "truoc_sap_xep", 0),
        new(new DateOnly(2025, 9, 30), "sau_sap_xep", 0.2),
        new(new DateOnly(2025, 12, 31), "sau_sap_xep", 0.5),
        new(new DateOnly(2026, 3, 31), "sau_sap_xep", 0.75),
    ];

    /// <summary>
    /// The Hải Phòng directive implementing Kết luận 195-KL/TW (seed 000), clause by clause with its
    /// deadlines. Its number is blank in the seed; 176-CV/TU of 03/10/2025 is invented.
    /// </summary>
    public static IReadOnlyList<AnchorDirective> HaiPhongDirectives { get; } =
    [
        new("176-CV/TU", new DateOnly(2025, 10, 3),
        [
            new("1.(3)", "Rà soát, đánh giá thực trạng đội ngũ cán bộ trước và sau sắp xếp; xác định tình trạng thiếu, thừa, nguyên nhân, giải pháp (theo Phụ lục)",
                AnchorDirective.EveryCommune, "ngay", new DateOnly(2025, 10, 10), "31S02"),
            new("2.(2)", "Bố trí đủ cán bộ chuyên môn (đất đai, quy hoạch, xây dựng, tài chính, công nghệ thông tin, giáo dục, y tế) về cơ sở",
                "31D01", "ngay", new DateOnly(2025, 10, 15), "31S08"),
            new("2.(2)", "Chi trả dứt điểm chế độ, chính sách cho cán bộ có quyết định nghỉ hưu, nghỉ thôi việc trước ngày 31/8/2025",
                "31D01", "ngay", new DateOnly(2025, 10, 15), "31S09"),
            new("2.(4)", "Hướng dẫn hoàn thiện quy hoạch phát triển xã, phường, đặc khu", "31D01", "ngay", new DateOnly(2025, 10, 30), "31S11"),
            new("2.(5)", "Thành lập, duy trì hoạt động của các Tổ công nghệ số cộng đồng, Đội hỗ trợ phản ứng nhanh", "31D01", "thuong_xuyen", null, "31S13"),
            new("2.(6)", "Đánh giá thực trạng đội ngũ cán bộ khối chính quyền trước và sau sắp xếp, báo cáo Ban Thường vụ Thành ủy (theo Phụ lục)",
                "31D01", "ngay", new DateOnly(2025, 10, 12), "31S02"),
            new("3.", "Tham mưu bố trí nhân lực công nghệ thông tin, khoa học, kỹ thuật, chuyển đổi số tại các cơ quan, địa phương", "31S02", "khong", null),
            new("4.", "Xây dựng kế hoạch quán triệt, triển khai các nghị quyết mới của Bộ Chính trị", "31S03", "khong", null),
            new("5.(2)", "Tham mưu các chương trình tập huấn, bồi dưỡng nghiệp vụ cho cán bộ các xã, phường, đặc khu", "31S27", "khong", null),
            new("6.", "Định kỳ báo cáo tiến độ thực hiện các nhiệm vụ được giao tại Công văn này", "31S01", "thuong_xuyen", null),
        ]),
    ];

    public static CityModel HaiPhong(ulong seed) => CityModels.FromReference(
        Provinces.All.Single(p => p.Code == "31"), ReferenceCommunes.HaiPhong, 4_664_000, 3_194.7,
        CityModels.Departments("31", port: true, mekong: false), seed);

    public static CityModel CanTho(ulong seed) => CityModels.FromReference(
        Provinces.All.Single(p => p.Code == "92"), ReferenceCommunes.CanTho, 4_199_800, 6_360.8,
        CityModels.Departments("92", port: false, mekong: true), seed);

    /// <summary>Writes every sample file into <paramref name="outDir"/> (and broken/ below it). Returns the files written.</summary>
    public static IReadOnlyList<string> Generate(string outDir, ulong seed = DefaultSeed)
    {
        Directory.CreateDirectory(outDir);
        var files = new List<string>();
        var cities = new[] { HaiPhong(seed), CanTho(seed) };

        files.Add(WriteProvinces(outDir));
        foreach (var city in cities)
        {
            var code = city.Province.Code;
            files.Add(WriteUnits(outDir, city));

            var taskRng = Rng.For(seed, "tasks/" + code);
            var settings = new TaskRegisterSettings(From, AsOf, Reorganisation,
                CommuneClausesPerMonth: code == "31" ? 2.6 : 2.2, DirectivesBefore: (1, 2), DirectivesAfter: (2, 3))
            {
                Anchors = code == "31" ? HaiPhongDirectives : [],
            };
            using (var tasks = new ContractCsvWriter(Path.Combine(outDir, $"tasks_{code}.csv"), TaskRegisterGenerator.TaskHeader))
            using (var updates = new ContractCsvWriter(Path.Combine(outDir, $"task_updates_{code}.csv"), TaskRegisterGenerator.UpdateHeader))
            {
                TaskRegisterGenerator.Write(city, settings, taskRng, tasks, updates);
                files.Add(tasks.Path);
                files.Add(updates.Path);
            }

            var writers = Snapshots.ToDictionary(s => s, s => new ContractCsvWriter(
                Path.Combine(outDir, $"staffing_{code}_{s.Date:yyyy-MM-dd}.csv"), StaffingGenerator.Header));
            try { StaffingGenerator.Write(city.Communes, Snapshots, seed, s => writers[s]); }
            finally { foreach (var w in writers.Values) { files.Add(w.Path); w.Dispose(); } }

            using (var revenue = new ContractCsvWriter(Path.Combine(outDir, $"revenue_{code}.csv"), RevenueGenerator.Header))
            {
                RevenueGenerator.Write(revenue, code, SampleFigures.Revenue(code), (2026, 5), Rng.For(seed, "revenue/" + code));
                files.Add(revenue.Path);
            }
            files.Add(WriteTargets(outDir, code));
        }
        files.Add(WriteGrdp(outDir, seed));
        files.Add(WriteIndices(outDir, seed));
        files.Add(WriteKpiTargets(outDir));
        files.Add(WriteUnitStandards(outDir));
        files.AddRange(BrokenSamples.Write(Path.Combine(outDir, "broken"), cities[0], cities[1]));

        // the templates as offices fill them in Excel (title block, two-row headings, totals, signatures)
        files.AddRange(OfficeTemplates.Write(outDir, Path.Combine(outDir, "templates")));

        // a few files as Excel workbooks, as offices send them: Cần Thơ's latest staffing
        // appendix in the commune template's Vietnamese headings and labels, and its targets
        Replace(files, Path.Combine(outDir, "staffing_92_2026-03-31.csv"), SampleWorkbooks.StaffingAppendix);
        Replace(files, Path.Combine(outDir, "revenue_targets_92.csv"), p => SampleWorkbooks.Plain(p, "Dự toán"));
        return files;
    }

    private static string WriteProvinces(string outDir)
    {
        using var w = new ContractCsvWriter(Path.Combine(outDir, "units_provinces.csv"), "unit_code", "unit_name", "unit_type");
        foreach (var p in Provinces.All.Where(p => p.Code is not ("31" or "92")))
        {
            w.Field(p.Code).Field(p.Name).Field(p.Type);
            w.EndRow();
        }
        return w.Path;
    }

    public static readonly string[] UnitsHeader =
        ["unit_code", "unit_name", "unit_type", "parent_code", "population", "area_km2", "established", "former_units", "cluster"];

    /// <summary>units_CODE.csv: the city itself, its departments and Party committees, and its communes.</summary>
    public static string WriteUnits(string outDir, CityModel city)
    {
        var code = city.Province.Code;
        using var w = new ContractCsvWriter(Path.Combine(outDir, $"units_{code}.csv"), UnitsHeader);
        w.Field(code).Field(city.Province.Name).Field(city.Province.Type).Field((string?)null).Field(city.Population)
            .Fixed((long)Math.Round(city.AreaKm2 * 100), 2).Field(Reorganisation).Field((string?)null).Field((string?)null);
        w.EndRow();
        foreach (var d in city.Departments)
        {
            w.Field(d.Code).Field(d.Name).Field(d.Type).Field(code).Field((string?)null).Field((string?)null)
                .Field((string?)null).Field((string?)null).Field((string?)null);
            w.EndRow();
        }
        foreach (var c in city.Communes)
        {
            w.Field(c.Code).Field(c.Name).Field(c.Type).Field(code).Field(c.Population).Fixed((long)Math.Round(c.AreaKm2 * 100), 2)
                .Field(Reorganisation).Field(c.FormerUnits).Field(c.Cluster);
            w.EndRow();
        }
        return w.Path;
    }

    private static string WriteTargets(string outDir, string code)
    {
        using var w = new ContractCsvWriter(Path.Combine(outDir, $"revenue_targets_{code}.csv"),
            "year", "unit_code", "category", "target_kind", "through_month", "amount_bn_vnd");
        foreach (var t in SampleFigures.Targets(code))
        {
            w.Field(t.Year).Field(code).Field(t.Category).Field(t.Kind).Field(t.ThroughMonth).Field(t.Amount);
            w.EndRow();
        }
        return w.Path;
    }

    private static string WriteGrdp(string outDir, ulong seed)
    {
        using var w = new ContractCsvWriter(Path.Combine(outDir, "grdp.csv"), "period", "unit_code", "growth_pct", "value_bn_vnd", "rank_national");
        foreach (var g in SampleFigures.Grdp(seed))
        {
            w.Field(g.Period).Field(g.UnitCode).Fixed(g.GrowthHundredths, 2).Field(g.ValueBn).Field(g.Rank);
            w.EndRow();
        }
        return w.Path;
    }

    private static string WriteIndices(string outDir, ulong seed)
    {
        using var w = new ContractCsvWriter(Path.Combine(outDir, "admin_indices.csv"),
            "year", "index_code", "unit_code", "component", "score", "max_score", "rank", "rank_of", "source");
        foreach (var r in AdminIndexSamples.Rows(seed))
        {
            w.Field(r.Year).Field(r.IndexCode).Field(r.UnitCode).Field(r.Component).Fixed(r.ScoreHundredths, 2)
                .Fixed(r.MaxHundredths, 2).Field(r.Rank).Field(r.RankOf).Field(r.Source);
            w.EndRow();
        }
        return w.Path;
    }

    private static string WriteKpiTargets(string outDir)
    {
        using var w = new ContractCsvWriter(Path.Combine(outDir, "kpi_targets.csv"), "indicator_id", "unit_code", "green_at", "amber_at");
        foreach (var (id, unit, green, amber) in SampleFigures.KpiTargets)
        {
            w.Field(id).Field(unit).Field(green).Field(amber);
            w.EndRow();
        }
        return w.Path;
    }

    private static string WriteUnitStandards(string outDir)
    {
        using var w = new ContractCsvWriter(Path.Combine(outDir, "unit_standards.csv"), "unit_type", "region", "criterion", "minimum", "source");
        foreach (var (type, region, criterion, minimum, source) in SampleFigures.UnitStandards)
        {
            w.Field(type).Field(region).Field(criterion).Field(minimum).Field(source);
            w.EndRow();
        }
        return w.Path;
    }

    private static void Replace(List<string> files, string csv, Func<string, string> convert)
    {
        var i = files.IndexOf(csv);
        if (i < 0) throw new InvalidOperationException($"{csv} was not generated");
        files[i] = convert(csv);
    }

    internal static string Nfc(string s) => s.Normalize(NormalizationForm.FormC);
}
