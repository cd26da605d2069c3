namespace Analytics.Metrics.Tests;

/// <summary>
/// Staffing of province P with communes A, B (cluster K1), C (cluster K2) and a department S
/// without any snapshot; D = 2026-03-31. Cells at D (quota/actual), each unit's latest snapshot:
///   A 2026-01-15  công chức đất đai 2/4 (surplus 2, from old district 1), công chức CNTT 2/1 (short 1, 0)
///                 (A's snapshot of 2026-05-01 is after D; A's truoc_sap_xep 2025-06-01: 3/5 + 2/2 = 7)
///   B 2026-01-15  công chức đất đai 3/1 (short 2, from old district 1), viên chức giáo dục 10/12 (surplus 2)
///                 (B's truoc_sap_xep 2025-06-01: 4/4)
///   C 2026-02-01  công chức đất đai 4/1 (short 3), công chức CNTT 1/2 (surplus 1)
///                 (C's older 2025-12-01 snapshot 5/0 is superseded)
/// </summary>
public sealed class StaffingIndicatorTests : IDisposable
{
    private static readonly DateOnly D = new(2026, 3, 31);
    private readonly TestWarehouse _w = new();

    public StaffingIndicatorTests()
    {
        _w.Unit("P", "Tỉnh P", "tinh")
          .Unit("A", "Xã A", "xa", "P", "K1").Unit("B", "Xã B", "xa", "P", "K1").Unit("C", "Phường C", "phuong", "P", "K2")
          .Unit("S", "Sở Y tế", "co_quan", "P");
        _w.Staffing("2025-06-01", "A", "cong_chuc", "dat_dai", 3, 5, phase: "truoc_sap_xep")
          .Staffing("2025-06-01", "A", "cong_chuc", "cntt", 2, 2, phase: "truoc_sap_xep")
          .Staffing("2026-01-15", "A", "cong_chuc", "dat_dai", 2, 4, fromOldDistrict: 1)
          .Staffing("2026-01-15", "A", "cong_chuc", "cntt", 2, 1, fromOldDistrict: 0)
          .Staffing("2026-05-01", "A", "cong_chuc", "dat_dai", 2, 2)
          .Staffing("2025-06-01", "B", "cong_chuc", "dat_dai", 4, 4, phase: "truoc_sap_xep")
          .Staffing("2026-01-15", "B", "cong_chuc", "dat_dai", 3, 1, fromOldDistrict: 1)
          .Staffing("2026-01-15", "B", "vien_chuc", "giao_duc", 10, 12)
          .Staffing("2025-12-01", "C", "cong_chuc", "dat_dai", 5, 0)
          .Staffing("2026-02-01", "C", "cong_chuc", "dat_dai", 4, 1)
          .Staffing("2026-02-01", "C", "cong_chuc", "cntt", 1, 2);
    }

    public void Dispose() => _w.Dispose();

    private double? Value(string unit, string id, string? dim = null, string? dimValue = null, DateOnly? asOf = null) =>
        _w.Metrics.Compute(unit, asOf ?? D, "staffing.")
            .Single(v => v.Id == id && (dim is null ? v.Dims.Count == 0 : v.Dims.GetValueOrDefault(dim) == dimValue))
            .Value;

    [Theory]
    [InlineData("staffing.quota", 22.0)]                      // 2+2 + 3+10 + 4+1
    [InlineData("staffing.actual", 21.0)]                     // 4+1 + 1+12 + 1+2
    [InlineData("staffing.net_gap", -1.0)]                    // 21 − 22
    [InlineData("staffing.shortage", 6.0)]                    // A CNTT 1 + B đất đai 2 + C đất đai 3
    [InlineData("staffing.surplus", 5.0)]                     // A đất đai 2 + B giáo dục 2 + C CNTT 1
    [InlineData("staffing.fill_rate", 21.0 / 22 * 100)]
    [InlineData("staffing.units_with_shortage", 3.0)]         // A, B, C (S has no snapshot)
    [InlineData("staffing.units_with_surplus", 3.0)]
    [InlineData("staffing.rebalance_potential", 3.0)]         // đất đai min(2, 5) + CNTT min(1, 1) + giáo dục min(2, 0)
    [InlineData("staffing.from_old_district_share", 2.0 / 6 * 100)] // (1 + 0 + 1) ÷ (4 + 1 + 1), cells that report it
    [InlineData("staffing.actual_change", 10.0)]              // 21 − (A 7 + B 4); C has no truoc_sap_xep snapshot
    public void Province_totals_per_cell(string id, double expected) =>
        Assert.Equal(expected, Value("P", id)!.Value, 8);

    [Fact]
    public void Breakdowns_by_specialty_group_and_commune()
    {
        Assert.Equal(5.0, Value("P", "staffing.shortage", "specialty", "dat_dai"));        // B 2 + C 3
        Assert.Equal(2.0, Value("P", "staffing.rebalance_potential", "specialty", "dat_dai")); // min(A 2, 5)
        Assert.Equal(0.0, Value("P", "staffing.shortage", "position_group", "vien_chuc"));
        Assert.Equal(2.0, Value("P", "staffing.surplus", "position_group", "vien_chuc"));
        Assert.Equal(0.0, Value("P", "staffing.rebalance_potential", "position_group", "vien_chuc"));
        // B: 13 in post for 13 posts, yet 2 short in đất đai and 2 over in giáo dục: per cell, not netted
        Assert.Equal(0.0, Value("P", "staffing.net_gap", "unit_code", "B"));
        Assert.Equal(2.0, Value("P", "staffing.shortage", "unit_code", "B"));
        Assert.Equal(2.0, Value("P", "staffing.surplus", "unit_code", "B"));
        Assert.Equal(100.0, Value("P", "staffing.fill_rate", "unit_code", "B"));
        Assert.Equal(-2.0, Value("P", "staffing.actual_change", "unit_code", "A"));         // 5 − 7
        Assert.Null(Value("P", "staffing.actual_change", "unit_code", "C"));                // no before snapshot
        Assert.Equal(2.0, Value("B", "staffing.shortage"));                                   // a commune on its own
        Assert.Equal(0.0, Value("B", "staffing.rebalance_potential"));
    }

    [Fact]
    public void No_snapshot_gives_null()
    {
        Assert.Null(Value("S", "staffing.quota"));
        Assert.Null(Value("S", "staffing.shortage"));
        Assert.Null(Value("S", "staffing.fill_rate"));
        Assert.Null(Value("P", "staffing.actual", asOf: new DateOnly(2025, 1, 1)));
        Assert.Null(Value("C", "staffing.from_old_district_share"));                          // C's cells do not report it
    }

    [Fact]
    public void Each_unit_contributes_its_latest_snapshot_on_or_before_d()
    {
        // 2025-12-31: A and B only have their truoc_sap_xep snapshots, C its 2025-12-01 one (5/0)
        var d = new DateOnly(2025, 12, 31);
        Assert.Equal(3 + 2 + 4 + 5.0, Value("P", "staffing.quota", asOf: d));
        Assert.Equal(5 + 2 + 4 + 0.0, Value("P", "staffing.actual", asOf: d));
        Assert.Equal(0.0, Value("P", "staffing.actual_change", asOf: d));                    // 11 − (7 + 4)
        // 2026-05-01: A's new snapshot is seen (đất đai 2/2, and its CNTT cell is gone)
        Assert.Equal(2.0 + 13 + 5, Value("P", "staffing.quota", asOf: new DateOnly(2026, 5, 1)));   // A 2, B 3+10, C 4+1
    }

    [Fact]
    public void A_later_snapshot_does_not_change_a_past_date()
    {
        var before = Render(_w.Metrics.Compute("P", D, "staffing."));
        _w.Staffing("2026-04-15", "B", "cong_chuc", "dat_dai", 3, 3)
          .Staffing("2026-04-15", "S", "cong_chuc", "van_phong", 5, 1);
        Assert.Equal(before, Render(_w.Metrics.Compute("P", D, "staffing.")));
    }

    [Fact]
    public void Transfers_close_the_rebalance_potential_preferring_the_same_cluster()
    {
        var transfers = _w.Metrics.Transfers("P", D);
        // đất đai: A's surplus 2 goes to B (same cluster K1) although C's shortage (3) is larger;
        // CNTT: C (K2) has the only surplus, A (K1) the only shortage: one move across clusters
        Assert.Equal(
            [("C", "A", "cong_chuc", "cntt", 1, false), ("A", "B", "cong_chuc", "dat_dai", 2, true)],
            transfers.Select(t => (t.FromUnit, t.ToUnit, t.PositionGroup, t.Specialty, t.People, t.SameCluster)));
        Assert.Equal(Value("P", "staffing.rebalance_potential"), transfers.Sum(t => t.People));
    }

    [Fact]
    public void Transfers_total_equals_the_potential_with_many_units()
    {
        // six more communes in three clusters with uneven surpluses and shortages in two cells
        string[] clusters = ["K1", "K2", "K3"];
        int[] actual = [7, 0, 5, 1, 9, 2];
        for (var i = 0; i < actual.Length; i++)
        {
            _w.Unit($"X{i}", $"Xã X{i}", "xa", "P", clusters[i % 3])
              .Staffing("2026-03-01", $"X{i}", "cong_chuc", "tai_chinh", 4, actual[i])
              .Staffing("2026-03-01", $"X{i}", "cong_chuc", "tu_phap", 2, (actual[i] + 1) % 4);
        }
        var potential = Value("P", "staffing.rebalance_potential")!.Value;
        // tài chính: surplus 3+1+5 = 9, shortage 4+3+2 = 9 → 9; tư pháp: actual 0,1,2,2,2,3: surplus 1, shortage 2+1 = 3 → 1;
        // plus the 3 of A, B, C
        Assert.Equal(3 + 9 + 1.0, potential);
        var transfers = _w.Metrics.Transfers("P", D);
        Assert.Equal(potential, transfers.Sum(t => t.People));
        Assert.All(transfers, t => Assert.True(t.People > 0));
    }

    private static string Render(IEnumerable<MetricValue> values) =>
        string.Join("\n", values.Select(v => $"{v.Id} {string.Join(",", v.Dims)} {v.Value}"));
}
