using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Analytics.Synthetic;

/// <summary>One commune-level unit of the official list (NSO conversion table, after 1 July 2025).</summary>
public sealed record ReferenceCommune(
    string Code, string Name, string Type, IReadOnlyList<string> OldDistricts, IReadOnlyList<string> OldProvinces,
    IReadOnlyList<string> MergedFrom);

/// <summary>
/// The official commune lists of Hải Phòng (31) and Cần Thơ (92), embedded so generating samples
/// never needs the shared folder. Text is normalised to NFC.
/// </summary>
public static class ReferenceCommunes
{
    public static IReadOnlyList<ReferenceCommune> HaiPhong { get; } = Read("communes_31_hai_phong.csv");
    public static IReadOnlyList<ReferenceCommune> CanTho { get; } = Read("communes_92_can_tho.csv");

    private static List<ReferenceCommune> Read(string file)
    {
        var name = "Analytics.Synthetic.Reference." + file;
        using var stream = typeof(ReferenceCommunes).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded reference list {name} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var list = new List<ReferenceCommune>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            list.Add(new ReferenceCommune(
                Nfc(csv.GetField("unit_code")!),
                Nfc(csv.GetField("unit_name")!),
                Nfc(csv.GetField("unit_type")!),
                Split(csv.GetField("old_districts"), '|'),
                Split(csv.GetField("old_provinces"), '|'),
                Split(csv.GetField("merged_from"), ';')));
        }
        return list;
    }

    private static string Nfc(string s) => s.Trim().Normalize(NormalizationForm.FormC);

    private static List<string> Split(string? s, char sep) =>
        string.IsNullOrWhiteSpace(s) ? [] : s.Split(sep).Select(Nfc).Where(x => x.Length > 0).ToList();

    /// <summary>"Phường Cẩm Thượng [Nhập toàn bộ]" → "Phường Cẩm Thượng".</summary>
    public static string WithoutMergeNote(string formerUnit)
    {
        var i = formerUnit.IndexOf(" [", StringComparison.Ordinal);
        return i < 0 ? formerUnit : formerUnit[..i];
    }
}
