using System.Text.RegularExpressions;

namespace Analytics.TaskExtraction;

/// <summary>A deadline as written: its contract kind (ngay, thang, quy, thuong_xuyen), date and the words that said it.</summary>
/// <param name="Strong">True when the words make it a completion deadline ("hoàn thành trước ngày…"),
/// false when the date may qualify something else ("đã có quyết định nghỉ việc trước ngày 31/8/2025").</param>
public sealed record Deadline(string Kind, DateOnly? Date, string Evidence, bool Strong, int Position);

/// <summary>What the deadline reader found in a text: deadlines, and doubts a person should look at.</summary>
public sealed record DeadlineFindings(IReadOnlyList<Deadline> Deadlines, IReadOnlyList<string> Doubts)
{
    public IReadOnlyList<Deadline> Strong => Deadlines.Where(d => d.Strong).ToList();
}

/// <summary>
/// Reads deadlines from Vietnamese task text. Only what is written: a date without a year, "trong năm 2026"
/// (the contract has no yearly kind) or "trước tháng 11/2025" become doubts, never a date.
/// </summary>
public static partial class DeadlineReader
{
    public static DeadlineFindings Read(string text)
    {
        text = VietnameseFold.Squash(text);
        var found = new List<Deadline>();
        var doubts = new List<string>();

        foreach (Match m in DayDeadline().Matches(text))
        {
            var g = m.Groups;
            var ok = g["dd"].Success
                ? DocumentHeader.TryDate(g["dd"].Value, g["dm"].Value, g["dy"].Value, out var date)
                : DocumentHeader.TryDate(g["ld"].Value, g["lm"].Value, g["ly"].Value, out date);
            if (!ok) { doubts.Add($"ngày không hợp lệ \"{m.Value}\""); continue; }
            found.Add(new Deadline("ngay", date, m.Value, IsStrong(text, m), m.Index));
        }
        // "từ ngày 04/8/2025 đến ngày 22/8/2025": the task runs until the end of the span; the start need not carry a year.
        foreach (Match m in RangeDeadline().Matches(text))
        {
            var end = m.Groups["end"];
            if (found.Any(d => d.Position == end.Index)) continue;
            if (!DocumentHeader.TryDate(m.Groups["ed"].Value, m.Groups["em"].Value, m.Groups["ey"].Value, out var date))
            {
                doubts.Add($"ngày không hợp lệ \"{m.Value}\"");
                continue;
            }
            found.Add(new Deadline("ngay", date, end.Value, true, end.Index));
        }
        foreach (Match m in MonthDeadline().Matches(text))
        {
            if (!DocumentHeader.TryDate("1", m.Groups["m"].Value, m.Groups["y"].Value, out var first)) continue;
            found.Add(new Deadline("thang", first.AddMonths(1).AddDays(-1), m.Value, true, m.Index));
        }
        foreach (Match m in QuarterDeadline().Matches(text))
        {
            var q = m.Groups["q"].Value switch { "I" or "1" => 1, "II" or "2" => 2, "III" or "3" => 3, _ => 4 };
            if (!DocumentHeader.TryDate("1", (q * 3).ToString(), m.Groups["y"].Value, out var lastMonth)) continue;
            found.Add(new Deadline("quy", lastMonth.AddMonths(1).AddDays(-1), m.Value, true, m.Index));
        }
        foreach (Match m in NoYear().Matches(text))
            doubts.Add($"thời hạn không ghi năm \"{m.Value}\": điền ngày / deadline without a year");
        foreach (Match m in PeriodNoYear().Matches(text))
            doubts.Add($"thời hạn không ghi năm \"{m.Value}\": chọn tháng, quý / deadline without a year");
        foreach (Match m in BeforePeriod().Matches(text))
            doubts.Add($"\"{m.Value}\" không rõ hạn chót / unclear deadline");
        foreach (Match m in PartOfYear().Matches(text))
            doubts.Add($"thời hạn \"{m.Value}\" không phải ngày cụ thể: chọn loại thời hạn / not a date, choose a kind");
        foreach (Match m in YearOnly().Matches(text))
            doubts.Add($"thời hạn theo năm \"{m.Value}\": chọn loại thời hạn / yearly deadline, choose a kind");

        // A month or quarter none of the patterns above read is still a time the person should see.
        foreach (Match m in Period().Matches(text))
            if (!found.Any(d => d.Position <= m.Index && m.Index < d.Position + d.Evidence.Length) &&
                !doubts.Any(d => d.Contains(m.Value, StringComparison.Ordinal)))
                doubts.Add($"có mốc \"{m.Value}\" chưa đọc được thành thời hạn: kiểm tra / unread time reference");

        var recurring = Recurring().Match(text);
        if (recurring.Success)
            found.Add(new Deadline("thuong_xuyen", null, recurring.Value.Trim(' ', ',', ':', '('), true, recurring.Index));
        else if (RecurringWord().Match(text) is { Success: true } word)
            doubts.Add($"có \"{word.Value}\" trong nội dung: nhiệm vụ có thường xuyên không? / recurring?");

        return new DeadlineFindings(found.OrderBy(d => d.Position).ToList(), doubts);
    }

    /// <summary>
    /// "… hoàn thành trước ngày X", "báo cáo … trước ngày X", "…, trước ngày X." are completion deadlines;
    /// a "trước ngày X" inside a clause about something else ("nghỉ thôi việc trước ngày X, …") is not.
    /// </summary>
    private static bool IsStrong(string text, Match m)
    {
        var cue = m.Groups["cue"].Value.ToLowerInvariant();
        if (cue is not ("trước" or "đến hết")) return true;
        // "*(thời hạn: trước ngày 10/10/2025)*": a bracket holding nothing but the deadline.
        var open = text.LastIndexOf('(', m.Index);
        if (open >= 0 && text.IndexOf(')', open) is var close && close >= m.Index + m.Length &&
            BracketLabel().IsMatch(text[(open + 1)..m.Index]) && text[(m.Index + m.Length)..close].Trim().Length == 0)
            return true;
        // "… trước ngày 31/8/2025; sau thời điểm này sẽ kết thúc …": the date is a cut-off.
        if (CutOffAfter().IsMatch(text[(m.Index + m.Length)..])) return true;
        // "báo cáo Ban Thường vụ (qua Ban Tổ chức) trước ngày …": a parenthesis does not end the clause.
        var blanked = Parenthetical().Replace(text[..m.Index], p => new string(' ', p.Length));
        var segmentStart = blanked.LastIndexOfAny([',', ';', ':', '.']) + 1;
        var segment = blanked[segmentStart..];
        if (CompletionVerb().IsMatch(segment)) return true;
        var after = ParenthesisAfter().Replace(text[(m.Index + m.Length)..], "");
        if (segment.Trim().Length == 0 && (after.Length == 0 || after[0] is '.' or ';')) return true;
        // "Bộ Tài chính hướng dẫn phân bổ ngân sách cho cấp xã trước ngày 30/6/2025.": the date closes the task, unless
        // the words before it describe something past ("người đã nghỉ việc trước ngày …").
        return after.Trim().TrimEnd('.').Length == 0 && !PastQualifier().IsMatch(segment);
    }

    private const string Date = @"(?:(?<dd>\d{1,2})/(?<dm>\d{1,2})/(?<dy>\d{4})|ngày (?<ld>\d{1,2}) tháng (?<lm>\d{1,2}) năm (?<ly>\d{4}))";

    [GeneratedRegex(@"(?<cue>(?i:trước|chậm nhất(?: là)?|hạn chót|không quá|không muộn hơn|đến hết|thời hạn(?: hoàn thành)?:?|hạn hoàn thành:?|thời gian hoàn thành:?))\s(?:(?:vào )?ngày\s)?" + Date)]
    private static partial Regex DayDeadline();

    [GeneratedRegex(@"(?i:từ) ngày \d{1,2}/\d{1,2}(?:/\d{4})?\s*(?i:đến|tới)\s+(?<end>(?i:hết\s+)?ngày (?<ed>\d{1,2})/(?<em>\d{1,2})/(?<ey>\d{4}))")]
    private static partial Regex RangeDeadline();

    [GeneratedRegex(@"^\s*(?i:(?:thời hạn|hạn|thời gian hoàn thành|hoàn thành|xong)\s*:?)?\s*$")]
    private static partial Regex BracketLabel();

    [GeneratedRegex(@"^\s*[;,.]\s*(?i:sau|quá)\s+(?:thời điểm|thời hạn|ngày|mốc)\s+(?:này|trên|đó)\b")]
    private static partial Regex CutOffAfter();

    private const string PeriodCue = @"(?i:trong|thời hạn(?: hoàn thành)?:?|thời gian(?: hoàn thành| thực hiện)?:?|hoàn thành:?|xong)";

    [GeneratedRegex(PeriodCue + @" (?:trong )?(?i:tháng) (?<m>\d{1,2})(?:/| năm )(?<y>\d{4})")]
    private static partial Regex MonthDeadline();

    [GeneratedRegex(PeriodCue + @" (?:trong )?(?i:quý) (?<q>IV|I{1,3}|[1-4])(?:/| năm )(?<y>\d{4})")]
    private static partial Regex QuarterDeadline();

    [GeneratedRegex(@"(?i:trước|chậm nhất(?: là)?) ngày \d{1,2}/\d{1,2}(?![/\d])")]
    private static partial Regex NoYear();

    // "hoàn thành trong quý III", "trong tháng 9" with no year: the year is not guessed.
    [GeneratedRegex(@"(?i:trong|hoàn thành|xong) (?i:tháng \d{1,2}|quý (?:IV|I{1,3}|[1-4]))(?![/\dIV]|\s+năm\s+\d)")]
    private static partial Regex PeriodNoYear();

    [GeneratedRegex(@"(?i:trước) (?:tháng|quý) [\dIV]{1,3}(?:/| năm )\d{4}")]
    private static partial Regex BeforePeriod();

    [GeneratedRegex(@"(?i:cuối|đầu|giữa|hết) (?:năm|quý [IV\d]{1,3}(?:/| năm )|tháng \d{1,2}(?:/| năm ))\s?\d{4}")]
    private static partial Regex PartOfYear();

    [GeneratedRegex(@"(?i:trong|hoàn thành|thời hạn:?|thời gian thực hiện:?)(?: trong)? năm \d{4}")]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"(?i:tháng \d{1,2}/\d{4}|quý (?:IV|I{1,3}|[1-4])/\d{4})")]
    private static partial Regex Period();

    [GeneratedRegex(@"(?i:hoàn thành|hoàn thiện|xong|báo cáo|gửi|trình|nộp|ban hành|tổng hợp|kết thúc)")]
    private static partial Regex CompletionVerb();

    [GeneratedRegex(@"(?i:\bđã\b|\bđược\b|\btừng\b|nghỉ hưu|nghỉ việc|thôi việc|quyết định)")]
    private static partial Regex PastQualifier();

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"^\s*(\([^)]*\)\s*)*")]
    private static partial Regex ParenthesisAfter();

    // The task itself recurs: it opens with the word, a "Thời hạn: thường xuyên" line says so, or "định kỳ hằng quý".
    [GeneratedRegex(@"^\W*(?:Thường xuyên|Định kỳ|Hằng (?:tuần|tháng|quý|năm)|Hàng (?:tuần|tháng|quý|năm))\b|(?i:thời (?:hạn|gian)(?: thực hiện)?:?\s*(?:thường xuyên|định kỳ|hằng năm|hàng năm))|(?i:định kỳ (?:hằng|hàng) (?:tuần|tháng|quý|năm))|\((?i:thường xuyên)\)|(?i:(?:hằng|hàng) (?:tuần|tháng|quý|năm)|thường xuyên)\W*$")]
    private static partial Regex Recurring();

    [GeneratedRegex(@"(?i:thường xuyên|định kỳ|(?:hằng|hàng) (?:tuần|tháng|quý|năm))")]
    private static partial Regex RecurringWord();
}
