namespace Analytics.Synthetic;

/// <summary>A revenue target row of the samples (billions of đồng).</summary>
public sealed record RevenueTargetRow(int Year, string Category, string Kind, int ThroughMonth, long Amount);

/// <summary>A GRDP row of the samples; growth in hundredths of a percent.</summary>
public sealed record GrdpRow(string Period, string UnitCode, long GrowthHundredths, long? ValueBn, long? Rank);

/// <summary>
/// The fixed figures of the samples. For Hải Phòng (31) the totals are chosen so the indicators of
/// INDICATORS.md give exactly the figures of the one-year review conclusion (seed 004):
/// 2025 total 197.810 = 134,2% of the central estimate 147.400 and +29,6% on 2024 (152.630);
/// domestic 104.950 = 140,6% of 74.650 and +37,3% on 76.440; Jan–May 2026 97.471 = 118,8% of the
/// 5-month plan 82.050 and 111,9% of Jan–May 2025 (87.105), domestic 52.613; GRDP 2025 11,81%,
/// 2026-Q1 11,21%. The split between categories, the Cần Thơ figures and all other targets are invented.
/// </summary>
public static class SampleFigures
{
    private static RevenueWindow W(int year, string cat, int from, int to, long billions) => new(year, cat, from, to, billions * 10);

    /// <summary>Window totals per leaf category; a year given as Jan–May plus Jun–Dec fixes both the 5-month and the annual total.</summary>
    public static IReadOnlyList<RevenueWindow> Revenue(string unitCode) => unitCode switch
    {
        "31" =>
        [
            // 2024: 152.630 in all, domestic 76.440
            W(2024, "thu_tien_su_dung_dat", 1, 12, 14_200), W(2024, "thu_xo_so", 1, 12, 470),
            W(2024, "thu_noi_dia_khac", 1, 12, 61_770), W(2024, "thu_xuat_nhap_khau", 1, 12, 76_145),
            W(2024, "thu_vien_tro", 1, 12, 45),
            // 2025 Jan–May: 87.105 (domestic 46.210); whole year 197.810 (domestic 104.950)
            W(2025, "thu_tien_su_dung_dat", 1, 5, 9_850), W(2025, "thu_tien_su_dung_dat", 6, 12, 24_380 - 9_850),
            W(2025, "thu_xo_so", 1, 5, 215), W(2025, "thu_xo_so", 6, 12, 520 - 215),
            W(2025, "thu_noi_dia_khac", 1, 5, 36_145), W(2025, "thu_noi_dia_khac", 6, 12, 80_050 - 36_145),
            W(2025, "thu_xuat_nhap_khau", 1, 5, 40_875), W(2025, "thu_xuat_nhap_khau", 6, 12, 92_800 - 40_875),
            W(2025, "thu_vien_tro", 1, 5, 20), W(2025, "thu_vien_tro", 6, 12, 60 - 20),
            // 2026 Jan–May: 97.471 (domestic 52.613)
            W(2026, "thu_tien_su_dung_dat", 1, 5, 11_240), W(2026, "thu_xo_so", 1, 5, 232),
            W(2026, "thu_noi_dia_khac", 1, 5, 41_141), W(2026, "thu_xuat_nhap_khau", 1, 5, 44_840),
            W(2026, "thu_vien_tro", 1, 5, 18),
        ],
        "92" =>
        [
            W(2024, "thu_tien_su_dung_dat", 1, 12, 3_950), W(2024, "thu_xo_so", 1, 12, 4_620),
            W(2024, "thu_noi_dia_khac", 1, 12, 16_980), W(2024, "thu_xuat_nhap_khau", 1, 12, 1_180),
            W(2024, "thu_vien_tro", 1, 12, 35),
            W(2025, "thu_tien_su_dung_dat", 1, 5, 1_620), W(2025, "thu_tien_su_dung_dat", 6, 12, 4_710 - 1_620),
            W(2025, "thu_xo_so", 1, 5, 2_050), W(2025, "thu_xo_so", 6, 12, 4_980 - 2_050),
            W(2025, "thu_noi_dia_khac", 1, 5, 7_950), W(2025, "thu_noi_dia_khac", 6, 12, 19_420 - 7_950),
            W(2025, "thu_xuat_nhap_khau", 1, 5, 540), W(2025, "thu_xuat_nhap_khau", 6, 12, 1_340 - 540),
            W(2025, "thu_vien_tro", 1, 5, 12), W(2025, "thu_vien_tro", 6, 12, 40 - 12),
            W(2026, "thu_tien_su_dung_dat", 1, 5, 1_830), W(2026, "thu_xo_so", 1, 5, 2_140),
            W(2026, "thu_noi_dia_khac", 1, 5, 8_920), W(2026, "thu_xuat_nhap_khau", 1, 5, 590),
            W(2026, "thu_vien_tro", 1, 5, 14),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(unitCode), unitCode, "no sample revenue"),
    };

    private static RevenueTargetRow T(int y, string c, string k, long a, int m = 12) => new(y, c, k, m, a);

    public static IReadOnlyList<RevenueTargetRow> Targets(string unitCode) => unitCode switch
    {
        "31" =>
        [
            T(2024, "tong_thu", "du_toan_trung_uong", 118_600), T(2024, "thu_noi_dia", "du_toan_trung_uong", 58_300),
            T(2024, "thu_xuat_nhap_khau", "du_toan_trung_uong", 60_300),
            T(2024, "tong_thu", "du_toan_dia_phuong", 125_000), T(2024, "thu_noi_dia", "du_toan_dia_phuong", 64_700),
            // seed 004: 197.810 = 134,2% of 147.400; domestic 104.950 = 140,6% of 74.650
            T(2025, "tong_thu", "du_toan_trung_uong", 147_400), T(2025, "thu_noi_dia", "du_toan_trung_uong", 74_650),
            T(2025, "thu_xuat_nhap_khau", "du_toan_trung_uong", 72_750), T(2025, "thu_tien_su_dung_dat", "du_toan_trung_uong", 16_500),
            T(2025, "tong_thu", "du_toan_dia_phuong", 155_000), T(2025, "thu_noi_dia", "du_toan_dia_phuong", 82_250),
            T(2025, "tong_thu", "ke_hoach", 175_000),
            T(2026, "tong_thu", "du_toan_trung_uong", 176_500), T(2026, "thu_noi_dia", "du_toan_trung_uong", 96_500),
            T(2026, "thu_xuat_nhap_khau", "du_toan_trung_uong", 80_000), T(2026, "thu_tien_su_dung_dat", "du_toan_trung_uong", 20_000),
            T(2026, "tong_thu", "du_toan_dia_phuong", 190_000), T(2026, "thu_noi_dia", "du_toan_dia_phuong", 110_000),
            T(2026, "tong_thu", "ke_hoach", 215_000), T(2026, "thu_noi_dia", "ke_hoach", 120_000),
            T(2026, "tong_thu", "ke_hoach", 49_300, 3), T(2026, "thu_noi_dia", "ke_hoach", 26_900, 3),
            // seed 004: 97.471 in five months = 118,8% of the plan for January–May
            T(2026, "tong_thu", "ke_hoach", 82_050, 5), T(2026, "thu_noi_dia", "ke_hoach", 44_800, 5),
        ],
        "92" =>
        [
            T(2024, "tong_thu", "du_toan_trung_uong", 22_900), T(2024, "thu_noi_dia", "du_toan_trung_uong", 21_800),
            T(2024, "tong_thu", "du_toan_dia_phuong", 24_000), T(2024, "thu_noi_dia", "du_toan_dia_phuong", 22_900),
            T(2025, "tong_thu", "du_toan_trung_uong", 26_800), T(2025, "thu_noi_dia", "du_toan_trung_uong", 25_600),
            T(2025, "thu_xo_so", "du_toan_trung_uong", 4_500), T(2025, "thu_xuat_nhap_khau", "du_toan_trung_uong", 1_200),
            T(2025, "tong_thu", "du_toan_dia_phuong", 28_500), T(2025, "thu_noi_dia", "du_toan_dia_phuong", 27_300),
            T(2026, "tong_thu", "du_toan_trung_uong", 30_900), T(2026, "thu_noi_dia", "du_toan_trung_uong", 29_500),
            T(2026, "thu_xo_so", "du_toan_trung_uong", 4_900), T(2026, "thu_xuat_nhap_khau", "du_toan_trung_uong", 1_400),
            T(2026, "tong_thu", "du_toan_dia_phuong", 33_000), T(2026, "thu_noi_dia", "du_toan_dia_phuong", 31_600),
            T(2026, "tong_thu", "ke_hoach", 34_000), T(2026, "tong_thu", "ke_hoach", 12_900, 5),
            T(2026, "thu_noi_dia", "ke_hoach", 12_300, 5),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(unitCode), unitCode, "no sample targets"),
    };

    /// <summary>Published-style GRDP growth: Hải Phòng (2025 11,81%, 2026-Q1 11,21% as in seed 004) and Cần Thơ in detail; every province for 2025 and 2026-Q1 with consistent national ranks.</summary>
    public static IReadOnlyList<GrdpRow> Grdp(ulong seed)
    {
        var rows = new List<GrdpRow>();
        void Add(string unit, string period, long g, long? value = null) => rows.Add(new GrdpRow(period, unit, g, value, null));
        // Hải Phòng (merged with Hải Dương): years, quarters, halves, nine months
        Add("31", "2022", 1232, 520_300); Add("31", "2023", 1034, 581_200);
        Add("31", "2024-Q1", 945); Add("31", "2024-Q2", 1012); Add("31", "2024-H1", 980); Add("31", "2024-Q3", 1055);
        Add("31", "2024-9M", 1005); Add("31", "2024-Q4", 1030); Add("31", "2024", 1019, 652_800);
        Add("31", "2025-Q1", 1104); Add("31", "2025-Q2", 1145); Add("31", "2025-H1", 1126); Add("31", "2025-Q3", 1190);
        Add("31", "2025-9M", 1150); Add("31", "2025-Q4", 1231);
        Add("92", "2022", 745, 246_100); Add("92", "2023", 662, 268_400);
        Add("92", "2024-Q1", 612); Add("92", "2024-Q2", 688); Add("92", "2024-H1", 651); Add("92", "2024-Q3", 720);
        Add("92", "2024-9M", 676); Add("92", "2024-Q4", 781); Add("92", "2024", 712, 295_600);
        Add("92", "2025-Q1", 735); Add("92", "2025-Q2", 802); Add("92", "2025-H1", 770); Add("92", "2025-Q3", 845);
        Add("92", "2025-9M", 797); Add("92", "2025-Q4", 902);

        // every province for 2025 and 2026-Q1, ranked: Hải Phòng 2nd in 2025, 3rd in 2026-Q1 (first of the six cities)
        var rng = Rng.For(seed, "grdp");
        foreach (var (period, hpGrowth, hpRank, hpValue) in new[] { ("2025", 1181L, 2, (long?)762_400), ("2026-Q1", 1121L, 3, null) })
        {
            var others = Provinces.All.Where(p => p.Code != "31")
                .Select(p => (p.Code, Growth: p.Code == "92" ? (period == "2025" ? 862L : 891L) : (long)Math.Round(rng.Range(560, 1090))))
                .ToList();
            // the provinces ahead of Hải Phòng (invented): Quảng Ninh, and in 2026-Q1 also Bắc Ninh
            var ahead = period == "2025" ? new[] { "22" } : ["22", "24"];
            for (var i = 0; i < others.Count; i++)
                if (ahead.Contains(others[i].Code)) others[i] = (others[i].Code, hpGrowth + 35 + 20 * Array.IndexOf(ahead, others[i].Code));
                else if (others[i].Growth >= hpGrowth) others[i] = (others[i].Code, hpGrowth - 40 - i);
            var all = others.Append(("31", hpGrowth)).OrderByDescending(x => x.Item2).ThenBy(x => x.Item1, StringComparer.Ordinal).ToList();
            for (var r = 0; r < all.Count; r++)
            {
                var (code, growth) = all[r];
                rows.Add(new GrdpRow(period, code, growth, code == "31" ? hpValue : null, r + 1));
            }
            if (all.FindIndex(x => x.Item1 == "31") + 1 != hpRank) throw new InvalidOperationException("sample GRDP ranks drifted");
        }
        return rows;
    }

    /// <summary>KPI thresholds: `*` rows for everyone, city rows where the city aims higher.</summary>
    public static IReadOnlyList<(string Id, string Unit, string Green, string? Amber)> KpiTargets { get; } =
    [
        ("tasks.on_time_rate", "*", "90", "80"),
        ("tasks.completion_rate", "*", "80", "70"),
        ("tasks.overdue_rate", "*", "1", "3"),
        ("tasks.overdue", "*", "0", "5"),
        ("tasks.late_days_avg", "*", "5", "15"),
        ("staffing.shortage", "*", "0", "3"),
        ("staffing.surplus", "*", "0", "3"),
        ("staffing.units_with_shortage", "*", "0", "10"),
        ("revenue.pct_of_annual_target", "*", "100", "90"),
        ("revenue.pct_of_period_target", "*", "100", "95"),
        ("revenue.yoy_ratio", "*", "110", "100"),
        ("grdp.growth", "*", "8", "6.5"),
        ("grdp.growth", "31", "10", "8"),
        ("par_index.rank", "*", "10", "20"),
        ("par_index.rank", "31", "1", "3"),
        ("sipas.rank", "*", "10", "20"),
        ("sipas.rank", "31", "1", "3"),
        ("pci.rank", "*", "10", "20"),
        ("pci.rank", "31", "5", "10"),
        ("tasks.on_time_rate", "31", "92", "85"),
    ];

    /// <summary>
    /// unit_standards.csv: example minimums only, chosen so that some sample communes fall short;
    /// they are not the figures of any resolution (data-samples/README.md says so, and so does the
    /// source column every briefing prints beside them). Special zones have no row: not assessed.
    /// </summary>
    public static IReadOnlyList<(string UnitType, string? Region, string Criterion, string Minimum, string Source)> UnitStandards { get; } =
    [
        ("xa", null, "population", "16000", ExampleStandardSource),
        ("xa", null, "area_km2", "30", ExampleStandardSource),
        ("phuong", null, "population", "24000", ExampleStandardSource),
        ("phuong", null, "area_km2", "5.5", ExampleStandardSource),
    ];

    public const string ExampleStandardSource = "Số liệu ví dụ (data-samples), không trích từ văn bản nào";
}
