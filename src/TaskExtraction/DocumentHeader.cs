using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.TaskExtraction;

/// <summary>
/// The document's number and date as printed in its header. Never guessed: a blank number or date
/// ("Số   -CV/TU", "ngày   tháng   năm 2025") is reported as blank with the reason.
/// </summary>
public sealed partial record DocumentHeader(string SourceDoc, DateOnly? SourceDate, string IdKey, IReadOnlyList<string> Problems)
{
    public static DocumentHeader Read(SourceDocument doc)
    {
        var problems = new List<string>();
        var head = doc.Lines.Take(80).ToList();
        string? number = null, idKey = null;
        foreach (var line in head)
        {
            var m = NumberLine().Match(line);
            if (!m.Success) continue;
            var symbol = m.Groups["sym"].Value.TrimEnd('.', ',');
            if (m.Groups["num"].Value.Length > 0)
            {
                number = m.Groups["num"].Value + m.Groups["sep"].Value + symbol;
                idKey = number;
            }
            else
            {
                number = m.Groups["sep"].Value + symbol;
                idKey = $"{symbol}#{doc.Sha256[..8]}";
                problems.Add($"Số văn bản để trống (\"{VietnameseFold.Squash(m.Value)}\"): điền số / blank document number");
            }
            break;
        }

        DateOnly? date = null;
        foreach (var line in head)
        {
            var m = PlaceDate().Match(line);
            if (!m.Success) continue;
            if (m.Groups["d"].Value.Length == 0 || m.Groups["mo"].Value.Length == 0)
                problems.Add($"Ngày văn bản để trống (\"{VietnameseFold.Squash(m.Value)}\"): điền ngày ban hành / blank document date");
            else if (TryDate(m.Groups["d"].Value, m.Groups["mo"].Value, m.Groups["y"].Value, out var d)) date = d;
            else problems.Add($"Ngày văn bản không hợp lệ (\"{VietnameseFold.Squash(m.Value)}\") / invalid document date");
            break;
        }

        if (number is null)
        {
            // A Thông báo kết luận copied without its header is known by the meeting it concludes
            // ("Ngày 02/6/2026, Ban Thường vụ Thành ủy tổ chức Hội nghị…"), as in the tasks contract example.
            var isConclusion = head.Any(l => VietnameseFold.Fold(l).Contains("thong bao")) &&
                               head.Any(l => VietnameseFold.Fold(l).Contains("ket luan"));
            var meeting = doc.Lines.Select(l => MeetingDate().Match(l)).FirstOrDefault(m => m.Success);
            if (isConclusion && meeting is not null &&
                TryDate(meeting.Groups["d"].Value, meeting.Groups["mo"].Value, meeting.Groups["y"].Value, out var md))
            {
                var shown = $"{meeting.Groups["d"].Value}/{meeting.Groups["mo"].Value}/{meeting.Groups["y"].Value}";
                number = $"Thông báo kết luận {shown}";
                idKey = $"TBKL-{md:yyyy-MM-dd}";
                if (date is null)
                {
                    date = md;
                    problems.Add($"Văn bản không ghi số, ngày ban hành; lấy ngày hội nghị {shown} (\"{VietnameseFold.Squash(meeting.Value)}\"): kiểm tra / no number or issue date, meeting date used");
                }
            }
            else
            {
                number = Path.GetFileNameWithoutExtension(doc.FileName);
                idKey = $"{number}#{doc.Sha256[..8]}";
                problems.Add("Không tìm thấy số văn bản; dùng tên tệp / document number not found, file name used");
            }
        }
        if (date is null && !problems.Any(p => p.StartsWith("Ngày văn bản", StringComparison.Ordinal)))
            problems.Add("Không tìm thấy ngày văn bản / document date not found");
        return new DocumentHeader(number, date, idKey!, problems);
    }

    internal static bool TryDate(string d, string m, string y, out DateOnly date)
    {
        date = default;
        if (!int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var dd) ||
            !int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var mm) ||
            !int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var yy) ||
            mm is < 1 or > 12 || yy is < 1900 or > 2200 || dd < 1 || dd > DateTime.DaysInMonth(yy, mm))
            return false;
        date = new DateOnly(yy, mm, dd);
        return true;
    }

    // "Số 14-CV/TU", "Số: 14/CT-UBND", "Số        -CV/TU". A receipt stamp ("Số: 41037") has no symbol and is not the number.
    // "09-CTr/TU": a Chương trình's symbol has a small letter.
    [GeneratedRegex(@"^\s*Số\s*:?\s*(?<num>\d*)\s*(?<sep>[-/])(?<sym>[A-ZĐ][A-ZĐ0-9\-/]*(?:[a-zđ][A-ZĐ0-9\-/]*)?)")]
    private static partial Regex NumberLine();

    // "Cần Thơ, ngày 06 tháng 10 năm 2025", or blank "Hải Phòng, ngày    tháng    năm 2025".
    [GeneratedRegex(@"\p{Lu}[\p{L} .]*,\s*ngày\s*(?<d>\d{0,2})\s*tháng\s*(?<mo>\d{0,2})\s*năm\s*(?<y>\d{4})")]
    private static partial Regex PlaceDate();

    [GeneratedRegex(@"^\s*Ngày\s+(?<d>\d{1,2})/(?<mo>\d{1,2})/(?<y>\d{4}),[^.]*?(hội nghị|họp|phiên họp|làm việc)", RegexOptions.IgnoreCase)]
    private static partial Regex MeetingDate();
}
