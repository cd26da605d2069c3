using System.Text.Json;

namespace Analytics.Cli.Tests;

/// <summary>
/// `analytics transfers` on the small province (Fixtures/small_province.sql): C has 2 land officers
/// too many; D (same cluster K1) lacks 1, E (cluster K2) lacks 3. Rebalance potential min(2, 4) = 2:
/// 1 to D inside the cluster first, the other 1 to E across clusters.
/// </summary>
public sealed class TransfersCommandTests : SmallProvince
{
    [Fact]
    public void Moves_add_up_to_the_rebalance_potential_same_cluster_first()
    {
        var (exit, output, _) = Run("transfers", "--db", Db, "--unit", "P", "--as-of", "2026-03-31", "--format", "json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        var moves = doc.RootElement.EnumerateArray()
            .Select(m => (m.GetProperty("from_unit").GetString(), m.GetProperty("to_unit").GetString(), m.GetProperty("people").GetInt32(), m.GetProperty("same_cluster").GetBoolean()))
            .ToList();
        Assert.Equal([("C", "D", 1, true), ("C", "E", 1, false)], moves);

        var (_, potential, _) = Run("metrics", "--db", Db, "--unit", "P", "--as-of", "2026-03-31", "--id", "staffing.rebalance_potential", "--format", "csv");
        Assert.Contains("staffing.rebalance_potential,P,2026-03-31,{},2,people,", potential);
    }

    [Fact]
    public void Table_names_the_communes_and_the_total()
    {
        var (exit, output, _) = Run("metrics", "--db", Db, "--unit", "P", "--as-of", "31/03/2026", "--id", "staffing.transfers");
        Assert.Equal(0, exit);
        Assert.Contains("1 người  Công chức, Đất đai: Xã C (C) → Xã D (D)", output);
        Assert.Contains("Xã C (C) → Xã E (E)  [khác cụm / across clusters]", output);
        Assert.Contains("Tổng / total: 2 người", output);
    }
}
