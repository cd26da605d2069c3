namespace Analytics.Synthetic;

/// <summary>One row of admin_indices; scores in hundredths.</summary>
public sealed record AdminIndexRow(int Year, string IndexCode, string UnitCode, string Component, long ScoreHundredths,
    long MaxHundredths, long? Rank, long? RankOf, string Source);

/// <summary>
/// PAR INDEX, SIPAS and PCI for 2022–2025 for all 34 provinces (the merged provinces, so earlier
/// years are ranked among the same 34). Totals are invented around realistic levels; Hải Phòng is
/// placed where seed 004 says (1st on PAR INDEX and SIPAS in 2025, top 5 on PCI). PAR INDEX
/// components add up to the total; SIPAS and PCI components scatter around it.
/// </summary>
public static class AdminIndexSamples
{
    private sealed record IndexSpec(string Code, (string Component, double Max)[] Components, double Mean, double Sd,
        bool ComponentsSum, string Source);

    private static readonly IndexSpec[] Specs =
    [
        new("PAR_INDEX",
        [
            ("chi_dao_dieu_hanh", 10), ("the_che", 9), ("thu_tuc_hanh_chinh", 12.5), ("to_chuc_bo_may", 9),
            ("cong_vu", 12.5), ("tai_chinh_cong", 9), ("chinh_quyen_so", 12), ("tac_dong", 26),
        ], 84, 3.2, true, "Bộ Nội vụ, Báo cáo Chỉ số cải cách hành chính"),
        new("SIPAS",
        [
            ("tiep_can_dich_vu", 100), ("thu_tuc_hanh_chinh", 100), ("cong_chuc", 100), ("ket_qua", 100), ("tiep_nhan_gop_y", 100),
        ], 82, 3.0, false, "Bộ Nội vụ, Báo cáo Chỉ số hài lòng SIPAS"),
        new("PCI",
        [
            ("gia_nhap_thi_truong", 10), ("tiep_can_dat_dai", 10), ("tinh_minh_bach", 10), ("chi_phi_thoi_gian", 10),
            ("chi_phi_khong_chinh_thuc", 10), ("canh_tranh_binh_dang", 10), ("tinh_nang_dong", 10),
            ("ho_tro_doanh_nghiep", 10), ("dao_tao_lao_dong", 10), ("thiet_che_phap_ly", 10),
        ], 66, 2.6, false, "VCCI, Báo cáo Chỉ số năng lực cạnh tranh cấp tỉnh"),
    ];

    /// <summary>Hải Phòng's rank per index and year (2025 as in seed 004; earlier years invented).</summary>
    private static readonly Dictionary<(string, int), int> HaiPhongRank = new()
    {
        [("PAR_INDEX", 2022)] = 2, [("PAR_INDEX", 2023)] = 1, [("PAR_INDEX", 2024)] = 1, [("PAR_INDEX", 2025)] = 1,
        [("SIPAS", 2022)] = 4, [("SIPAS", 2023)] = 2, [("SIPAS", 2024)] = 1, [("SIPAS", 2025)] = 1,
        [("PCI", 2022)] = 6, [("PCI", 2023)] = 3, [("PCI", 2024)] = 2, [("PCI", 2025)] = 4,
    };

    /// <summary>
    /// The rows for years firstYear..lastYear. With pinHaiPhong, Hải Phòng's ranks are those of the
    /// samples (2022–2025); without, every province is ranked by its drawn score alone.
    /// </summary>
    public static IEnumerable<AdminIndexRow> Rows(ulong seed, int firstYear = 2022, int lastYear = 2025, bool pinHaiPhong = true)
    {
        var rng = Rng.For(seed, "admin_indices");
        // each province has a lasting level, so ranks move a little from year to year, not at random
        var level = Provinces.All.ToDictionary(p => p.Code, _ => rng.Normal(0, 1));
        foreach (var spec in Specs)
        {
            // the component each province is weakest in stays the same over the years
            var weakest = Provinces.All.ToDictionary(p => p.Code, _ => rng.Int(0, spec.Components.Length - 1));
            if (pinHaiPhong) weakest["31"] = Array.FindIndex(spec.Components, c => c.Component is "cong_vu" or "thu_tuc_hanh_chinh" or "tiep_can_dat_dai");
            for (var year = firstYear; year <= lastYear; year++)
            {
                var drift = (year - 2022) * 0.8;
                var totals = Provinces.All.Where(p => !pinHaiPhong || p.Code != "31")
                    .Select(p => (p.Code, Score: Math.Round((spec.Mean + drift + spec.Sd * (0.8 * level[p.Code] + 0.6 * rng.Normal(0, 1))) * 100)))
                    .OrderByDescending(x => x.Score).ThenBy(x => x.Code, StringComparer.Ordinal).ToList();
                // Hải Phòng's total sits between the provinces either side of its rank
                var r = pinHaiPhong ? HaiPhongRank[(spec.Code, year)] : 0;
                if (pinHaiPhong)
                {
                    var above = r >= 2 ? totals[r - 2].Score : totals[0].Score + 2 * rng.Range(60, 140);
                    var below = totals[r - 1].Score;
                    totals.Insert(r - 1, ("31", Math.Round((above + below) / 2)));
                }
                // no ties: each total strictly below the one before
                for (var i = 1; i < totals.Count; i++)
                    if (totals[i].Score >= totals[i - 1].Score) totals[i] = (totals[i].Code, totals[i - 1].Score - 1);
                if (pinHaiPhong && totals.FindIndex(t => t.Code == "31") + 1 != r) throw new InvalidOperationException("sample index rank drifted");

                var totalMax = spec.ComponentsSum ? spec.Components.Sum(c => c.Max) : 100;
                for (var rank = 1; rank <= totals.Count; rank++)
                {
                    var (code, score) = totals[rank - 1];
                    var source = $"{spec.Source} năm {year}";
                    yield return new AdminIndexRow(year, spec.Code, code, "TOTAL", (long)score, (long)(totalMax * 100), rank, totals.Count, source);
                    foreach (var c in Components(spec, score / 100 / totalMax, weakest[code], rng))
                        yield return new AdminIndexRow(year, spec.Code, code, c.Component, c.Hundredths, (long)(c.Max * 100), null, null, source);
                }
            }
        }
    }

    private static List<(string Component, long Hundredths, double Max)> Components(IndexSpec spec, double share, int weakest, Rng rng)
    {
        var comps = spec.Components;
        var raw = new double[comps.Length];
        for (var i = 0; i < comps.Length; i++)
        {
            var s = share * rng.Range(0.95, 1.06) * (i == weakest ? 0.86 : 1.0);
            raw[i] = Math.Min(0.995, s) * comps[i].Max * 100;
        }
        var result = new long[comps.Length];
        if (spec.ComponentsSum)
        {
            // scale the components so they add up exactly to the total (in hundredths)
            var target = Math.Round(share * comps.Sum(c => c.Max) * 100);
            var parts = RevenueGenerator.Apportion((long)target, raw);
            for (var i = 0; i < comps.Length; i++) result[i] = Math.Min(parts[i], (long)(comps[i].Max * 100));
            var diff = (long)target - result.Sum();
            for (var i = 0; diff > 0 && i < comps.Length; i++)
            {
                var room = (long)(comps[i].Max * 100) - result[i];
                var add = Math.Min(room, diff);
                result[i] += add;
                diff -= add;
            }
        }
        else
            for (var i = 0; i < comps.Length; i++) result[i] = (long)Math.Round(raw[i]);
        return comps.Select((c, i) => (c.Component, result[i], c.Max)).ToList();
    }
}
