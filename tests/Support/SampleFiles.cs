using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Analytics.Tests;

/// <summary>Reads the committed data-samples/ as plain rows, independently of the loader under test.</summary>
public static class SampleFiles
{
    public static string RepoRoot => RepoPaths.Root;

    public static string Dir => RepoPaths.DataSamples;

    public static List<Dictionary<string, string>> Read(string path)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var h in header) row[h] = csv.GetField(h) ?? "";
            rows.Add(row);
        }
        return rows;
    }

    public static string[] Header(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return reader.ReadLine()!.Split(',');
    }

    public static List<Dictionary<string, string>> Sample(string file) => Read(Path.Combine(Dir, file));

    public static double Num(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static double Round1(double x) => Math.Round(x, 1, MidpointRounding.AwayFromZero);
}
