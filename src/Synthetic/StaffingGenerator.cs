namespace Analytics.Synthetic;

/// <summary>A staffing snapshot to write: its date, its phase, and how far recruitment and transfers have got (0 at the start).</summary>
public sealed record StaffingSnapshotPlan(DateOnly Date, string Phase, double Progress);

/// <summary>
/// Writes the staffing appendix (phụ lục rà soát thừa, thiếu) of every commune, one row per
/// position group × specialty cell, about 40 officials per commune. Shortages are concentrated
/// in land, IT, finance, education and health; surpluses in office and other staff, larger
/// before the reorganisation and shrinking as staff retire or move. After the reorganisation
/// each cell says how many came from the old district and the old communes.
/// </summary>
public static class StaffingGenerator
{
    public static readonly string[] Header =
        ["snapshot_date", "phase", "unit_code", "position_group", "specialty", "quota", "actual", "from_old_district", "from_old_commune"];

    /// <summary>The cells of a commune appendix with their base quota for a commune of average size.</summary>
    private static readonly (string Group, string Specialty, double Quota)[] Cells =
    [
        ("can_bo", "lanh_dao", 9), ("can_bo", "van_hoa_xa_hoi", 3), ("can_bo", "khac", 1),
        ("cong_chuc", "van_phong", 4), ("cong_chuc", "dat_dai", 3), ("cong_chuc", "quy_hoach_xay_dung", 2),
        ("cong_chuc", "tai_chinh", 3), ("cong_chuc", "cntt", 1), ("cong_chuc", "tu_phap", 2),
        ("cong_chuc", "van_hoa_xa_hoi", 2), ("cong_chuc", "giao_duc", 1), ("cong_chuc", "y_te", 1),
        ("cong_chuc", "kinh_te", 2), ("cong_chuc", "nong_nghiep_moi_truong", 2), ("cong_chuc", "hanh_chinh_cong", 2),
        ("vien_chuc", "hanh_chinh_cong", 2), ("vien_chuc", "nong_nghiep_moi_truong", 1), ("vien_chuc", "cntt", 1),
        ("vien_chuc", "khac", 1), ("hop_dong", "van_phong", 2), ("hop_dong", "khac", 2),
    ];

    private static readonly HashSet<string> Short = ["dat_dai", "cntt", "tai_chinh", "giao_duc", "y_te", "quy_hoach_xay_dung"];
    private static readonly HashSet<string> Surplus = ["van_phong", "khac", "van_hoa_xa_hoi"];

    public static readonly string[] Groups = ["can_bo", "cong_chuc", "vien_chuc", "hop_dong"];

    public static readonly string[] Specialties =
        ["lanh_dao", "van_phong", "dat_dai", "quy_hoach_xay_dung", "tai_chinh", "cntt", "giao_duc", "y_te", "tu_phap",
         "van_hoa_xa_hoi", "kinh_te", "nong_nghiep_moi_truong", "hanh_chinh_cong", "khac"];

    /// <summary>Every group × specialty (the full template, 56 cells); cells the commune appendix rarely uses get a quota of 0 or 1.</summary>
    private static readonly (string Group, string Specialty, double Quota)[] FullGrid =
        Groups.SelectMany(g => Specialties.Select(sp =>
        {
            var known = Array.FindIndex(Cells, c => c.Group == g && c.Specialty == sp);
            return (g, sp, known >= 0 ? Cells[known].Quota : 0.45);
        })).ToArray();

    public static int CellsPerUnit(bool fullGrid) => fullGrid ? FullGrid.Length : Cells.Length;

    public static long Write(IReadOnlyList<CommuneModel> communes, IReadOnlyList<StaffingSnapshotPlan> snapshots, ulong seed,
        Func<StaffingSnapshotPlan, ContractCsvWriter> writerFor, bool fullGrid = false)
    {
        var cells = fullGrid ? FullGrid : Cells;
        var avgPop = communes.Average(c => (double)c.Population);
        long rows = 0;
        var quota = new int[cells.Length];
        var shortBase = new int[cells.Length];
        var surplusBase = new int[cells.Length];
        var districtShare = new double[cells.Length];
        var communeShare = new double[cells.Length];
        foreach (var commune in communes)
        {
            // one stream per commune: the same commune gets the same appendix whatever else is generated
            var rng = Rng.For(seed, "staffing/" + commune.Code);
            var size = Math.Clamp(Math.Sqrt(commune.Population / avgPop), 0.7, 1.4);
            var struggling = rng.Chance(0.15);
            for (var i = 0; i < cells.Length; i++)
            {
                var (group, spec, q) = cells[i];
                quota[i] = spec == "lanh_dao" ? (group == "can_bo" ? rng.Int(7, 9) : (int)Math.Round(q * rng.Range(0, 1.5))) : Math.Max(q < 0.5 ? 0 : 1, (int)Math.Round(0.85 * q * size + rng.Range(-0.4, 0.4)));
                shortBase[i] = Short.Contains(spec) ? (rng.Chance(struggling ? 0.8 : 0.45) ? rng.Int(1, Math.Max(1, quota[i])) : 0) : rng.Chance(0.05) ? 1 : 0;
                if (shortBase[i] > quota[i]) shortBase[i] = quota[i];
                surplusBase[i] = Surplus.Contains(spec) || group == "hop_dong" ? (rng.Chance(0.6) ? rng.Int(1, 4) : 0) : 0;
                districtShare[i] = Math.Clamp(rng.Range(0.15, 0.45) + (spec == "lanh_dao" ? 0.15 : 0), 0, 0.8);
                communeShare[i] = rng.Range(0.6, 0.95);
            }
            foreach (var snap in snapshots)
            {
                var w = writerFor(snap);
                var before = snap.Phase == "truoc_sap_xep";
                for (var i = 0; i < cells.Length; i++)
                {
                    var (group, spec, _) = cells[i];
                    // shortages close slowly with recruitment; surpluses fall faster (retirement, transfers)
                    var shortNow = (int)Math.Round(shortBase[i] * (1 - 0.45 * snap.Progress));
                    var surplusNow = before
                        ? surplusBase[i] + (surplusBase[i] > 0 ? 1 : 0)
                        : (int)Math.Round(surplusBase[i] * (1 - 0.7 * snap.Progress));
                    var actual = Math.Max(0, quota[i] - shortNow + surplusNow);
                    w.Field(snap.Date).Field(snap.Phase).Field(commune.Code).Field(group).Field(spec).Field(quota[i]).Field(actual);
                    if (before) w.Field((string?)null).Field((string?)null);
                    else
                    {
                        var fromDistrict = (int)Math.Floor(actual * districtShare[i]);
                        var fromCommune = (int)Math.Floor((actual - fromDistrict) * communeShare[i] * (1 - 0.1 * snap.Progress));
                        w.Field(fromDistrict).Field(fromCommune);
                    }
                    w.EndRow();
                    rows++;
                }
            }
        }
        return rows;
    }
}
