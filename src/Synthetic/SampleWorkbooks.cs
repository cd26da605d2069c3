using System.Globalization;
using System.IO.Compression;
using Analytics.Etl.Input;

namespace Analytics.Synthetic;

/// <summary>
/// Turns some sample CSVs into the Excel files offices actually send: typed cells (numbers,
/// dates), and for the commune staffing appendix the Vietnamese column headings and labels of
/// the template (Số liệu đến ngày, Nhóm: công chức, Lĩnh vực: đất đai, …), which the contract
/// accepts as aliases. The archive is rewritten with a fixed timestamp so the bytes are the same
/// on every run.
/// </summary>
public static class SampleWorkbooks
{
    private static readonly DateTimeOffset FixedTime = new(2026, 6, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> StaffingHeadings = new()
    {
        ["snapshot_date"] = "Số liệu đến ngày", ["phase"] = "Giai đoạn", ["unit_code"] = "Mã đơn vị",
        ["position_group"] = "Nhóm", ["specialty"] = "Lĩnh vực", ["quota"] = "Biên chế được giao", ["actual"] = "Số có mặt",
        ["from_old_district"] = "Từ cấp huyện (cũ)", ["from_old_commune"] = "Từ cấp xã (cũ)",
    };

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["truoc_sap_xep"] = "trước sắp xếp", ["sau_sap_xep"] = "sau sắp xếp",
        ["can_bo"] = "cán bộ", ["cong_chuc"] = "công chức", ["vien_chuc"] = "viên chức", ["hop_dong"] = "hợp đồng lao động",
        ["lanh_dao"] = "lãnh đạo", ["van_phong"] = "văn phòng, tổng hợp", ["dat_dai"] = "đất đai",
        ["quy_hoach_xay_dung"] = "quy hoạch, xây dựng", ["tai_chinh"] = "tài chính, kế toán",
        ["cntt"] = "công nghệ thông tin, chuyển đổi số", ["giao_duc"] = "giáo dục", ["y_te"] = "y tế",
        ["tu_phap"] = "tư pháp, hộ tịch", ["van_hoa_xa_hoi"] = "văn hóa, xã hội", ["kinh_te"] = "kinh tế",
        ["nong_nghiep_moi_truong"] = "nông nghiệp, môi trường", ["hanh_chinh_cong"] = "trung tâm phục vụ hành chính công",
        ["khac"] = "khác",
    };

    /// <summary>The staffing appendix as the commune template has it: Vietnamese headings and labels, typed cells.</summary>
    public static string StaffingAppendix(string csvPath) =>
        Convert(csvPath, "Phụ lục", h => StaffingHeadings.GetValueOrDefault(h, h), (col, v) => Labels.GetValueOrDefault(v, v));

    /// <summary>Same headings and codes as the CSV, with typed cells.</summary>
    public static string Plain(string csvPath, string sheet) => Convert(csvPath, sheet, h => h, (_, v) => v);

    private static string Convert(string csvPath, string sheet, Func<string, string> heading, Func<string, string, string> label)
    {
        var xlsx = Path.ChangeExtension(csvPath, ".xlsx");
        var lines = File.ReadAllLines(csvPath);
        var header = SplitCsv(lines[0]);
        var rows = lines.Skip(1).Select(l => (IReadOnlyList<object?>)SplitCsv(l).Select((v, i) => Typed(header[i], v, label)).ToList()).ToList();
        var temp = xlsx + ".tmp";
        XlsxWriter.WriteFile(temp, sheet, header.Select(heading).ToList(), rows);
        FixTimestamps(temp, xlsx);
        File.Delete(temp);
        File.Delete(csvPath);
        return xlsx;
    }

    private static object? Typed(string column, string v, Func<string, string, string> label)
    {
        if (v.Length == 0) return null;
        if (column.EndsWith("_date", StringComparison.Ordinal)) return DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (column is "unit_code" or "category" or "target_kind" or "indicator_id" or "period") return v;
        if (decimal.TryParse(v, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)) return d;
        return label(column, v);
    }

    /// <summary>Splits a line written by ContractCsvWriter (quoted fields never contain line breaks in these files).</summary>
    internal static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                var sb = new System.Text.StringBuilder();
                i++;
                while (i < line.Length)
                {
                    if (line[i] == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i += 2; }
                    else if (line[i] == '"') { i++; break; }
                    else sb.Append(line[i++]);
                }
                fields.Add(sb.ToString());
            }
            else
            {
                var end = line.IndexOf(',', i);
                fields.Add(end < 0 ? line[i..] : line[i..end]);
                i = end < 0 ? line.Length : end;
            }
            if (i >= line.Length) break;
            i++; // the comma
            if (i == line.Length) { fields.Add(""); break; }
        }
        return fields.ToArray();
    }

    /// <summary>Copies a zip with every entry stamped with one fixed time (ZipArchive stamps entries with the current time).</summary>
    internal static void FixTimestamps(string from, string to)
    {
        using var source = ZipFile.OpenRead(from);
        using var output = new FileStream(to, FileMode.Create, FileAccess.Write);
        using var target = new ZipArchive(output, ZipArchiveMode.Create);
        foreach (var e in source.Entries)
        {
            var copy = target.CreateEntry(e.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = FixedTime;
            using var s = e.Open();
            using var t = copy.Open();
            s.CopyTo(t);
        }
    }
}
