using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Etl.TaskExtraction;

/// <summary>One row of the task register as extracted, with the words each field was read from.</summary>
public sealed record ExtractedTask(
    string SourceFile, string TaskId, string SourceDoc, DateOnly? SourceDate, string Clause, string Title,
    string? LeadUnit, string? LeadEvidence, IReadOnlyList<string> SupportUnits, IReadOnlyList<string> SupportEvidence,
    string DueKind, DateOnly? DueDate, string? DueEvidence, double Confidence, IReadOnlyList<string> ReviewNotes)
{
    public string ReviewNote => string.Join(" | ", ReviewNotes);
}

/// <summary>
/// Turns a directive or conclusion into task-register rows. Structure is read from the numbering
/// (`1.`, `7.2.`, `(3)`, `a)`, `-`, inline `(i)`); a leaf item is a task. Whatever cannot be read for
/// certain is left empty and explained in the review note, never filled in with a guess.
/// </summary>
public sealed partial class TaskExtractor(UnitDirectory units)
{
    private sealed class Item
    {
        public required string Kind;
        public required int Rank;
        public string Clause = "";
        public Item? Parent;
        public readonly List<Item> Children = [];
        public string Head = "";
        public readonly List<string> Body = [];
        public Deadline? Closing;
        public int Ordinal;
        public string FullText => VietnameseFold.Squash(Head + " " + string.Join(" ", Body));
    }

    private sealed record Paragraph(string Text, string? Kind, string Marker, int Rank);

    public IReadOnlyList<ExtractedTask> Extract(SourceDocument doc)
    {
        var header = DocumentHeader.Read(doc);
        var root = BuildTree(Zone(Paragraphs(doc.Lines)), out var structureNotes);
        var tasks = new List<ExtractedTask>();
        foreach (var leaf in Leaves(root))
            foreach (var (clause, text, splitNote) in Split(leaf))
                tasks.Add(Build(doc, header, leaf, clause, text, splitNote, structureNotes));
        tasks.AddRange(TableTasks(doc, header));
        // Two rows with one clause would get one task_id: keep both, flag both.
        foreach (var dup in tasks.GroupBy(t => t.TaskId).Where(g => g.Count() > 1).ToList())
        {
            var n = 0;
            foreach (var t in dup)
            {
                var i = tasks.IndexOf(t);
                tasks[i] = t with
                {
                    TaskId = $"{t.TaskId}~{++n}", Confidence = Math.Min(t.Confidence, 0.4),
                    ReviewNotes = [.. t.ReviewNotes, "Mục trùng số với mục khác: kiểm tra cách đánh số / duplicate clause number"],
                };
            }
        }
        return tasks;
    }

    // ---------- paragraphs ----------

    private IEnumerable<Paragraph> Paragraphs(IReadOnlyList<string> lines)
    {
        string? text = null, kind = null, marker = "";
        var rank = 0;
        var single = true;
        string prevLine = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var (k, m, r, rest) = MarkerOf(line);
            var startsUpper = StartsUpper(line);
            var newParagraph = text is null || k is not null
                || (EndsSentence(prevLine) && startsUpper)
                || (single && kind is not null && text.Length <= 60 && !prevLine.EndsWith(',') && startsUpper)
                || line.StartsWith("Nơi nhận", StringComparison.Ordinal);
            if (newParagraph)
            {
                if (text is not null) yield return new Paragraph(text, kind, marker, rank);
                (text, kind, marker, rank, single) = (k is null ? line : rest, k, m, r, true);
            }
            else
            {
                text += " " + line;
                single = false;
            }
            prevLine = line;
        }
        if (text is not null) yield return new Paragraph(text, kind, marker, rank);
    }

    private static (string? Kind, string Marker, int Rank, string Remainder) MarkerOf(string line)
    {
        Match m;
        if ((m = RomanMarker().Match(line)).Success) return ("roman", m.Groups["m"].Value, 0, line[m.Length..]);
        // "Điều 2. Quyết định này có hiệu lực…": an article of a decision bounds the items above it.
        if ((m = ArticleMarker().Match(line)).Success) return ("article", m.Groups["m"].Value, 0, line[m.Length..]);
        if ((m = DottedMarker().Match(line)).Success)
            return ("dotted", m.Groups["m"].Value, m.Groups["m"].Value.Count(c => c == '.') + 1, line[m.Length..]);
        if ((m = ArabicMarker().Match(line)).Success) return ("arabic", m.Groups["m"].Value, 1, line[m.Length..]);
        if ((m = LetterMarker().Match(line)).Success) return ("letter", m.Groups["m"].Value, 4, line[m.Length..]);
        if ((m = ParenMarker().Match(line)).Success) return ("paren", m.Groups["m"].Value, 5, line[m.Length..]);
        if ((m = DashMarker().Match(line)).Success) return ("dash", "-", 6, line[m.Length..]);
        if ((m = PlusMarker().Match(line)).Success) return ("plus", "+", 7, line[m.Length..]);
        return (null, "", 0, line);
    }

    private static bool StartsUpper(string s)
    {
        var c = s.TrimStart('“', '"', '‘', '\'', '(', '*').FirstOrDefault();
        return char.IsUpper(c) || char.IsDigit(c);
    }

    private static bool EndsSentence(string s) => s.TrimEnd('*', '”', '"', ')', ' ').EndsWith('.') || s.TrimEnd().EndsWith(':')
        || s.TrimEnd().EndsWith(';') || s.TrimEnd().EndsWith('…') || s.TrimEnd().EndsWith('!') || s.TrimEnd().EndsWith('?');

    /// <summary>
    /// Where the tasks are: the sections headed as tasks ("II. NHIỆM VỤ…", "TỔ CHỨC THỰC HIỆN") when the
    /// document has Roman sections, otherwise from item 1 on; always before "Nơi nhận".
    /// </summary>
    private static List<Paragraph> Zone(IEnumerable<Paragraph> all)
    {
        var paragraphs = all.TakeWhile(p => !p.Text.StartsWith("Nơi nhận", StringComparison.Ordinal) && !Signature().IsMatch(p.Text)).ToList();
        var romans = paragraphs.Where(p => p.Kind == "roman").ToList();
        if (romans.Count == 0 && paragraphs.Any(p => p.Kind == "article"))
        {
            var from = paragraphs.FindIndex(p => p.Kind == "arabic");
            return from < 0 ? [] : paragraphs[from..];
        }
        if (romans.Count > 0)
        {
            bool IsTaskSection(Paragraph p) => TaskSection().IsMatch(VietnameseFold.Fold(p.Text));
            var wanted = romans.Any(IsTaskSection)
                ? romans.Where(IsTaskSection).ToHashSet()
                : romans.Where(p => !ReviewSection().IsMatch(VietnameseFold.Fold(p.Text))).ToHashSet();
            var zone = new List<Paragraph>();
            var inside = false;
            foreach (var p in paragraphs)
            {
                if (p.Kind == "roman") inside = wanted.Contains(p);
                if (inside) zone.Add(p);
            }
            return zone;
        }
        var first = paragraphs.FindIndex(p => p.Kind == "arabic");
        if (first < 0) first = paragraphs.FindIndex(p => p.Kind is "dotted" or "letter" or "paren");
        return first < 0 ? [] : paragraphs[first..];
    }

    private static Item BuildTree(List<Paragraph> zone, out List<string> notes)
    {
        notes = [];
        var root = new Item { Kind = "root", Rank = -1 };
        var stack = new Stack<Item>();
        stack.Push(root);
        var multipleSections = zone.Count(p => p.Kind == "roman") > 1;
        foreach (var p in zone)
        {
            if (p.Kind is null)
            {
                var top = stack.Peek();
                if (ListClosing().IsMatch(p.Text) && top != root)
                {
                    var list = top.Parent ?? root;
                    list.Closing = DeadlineReader.Read(p.Text).Strong.FirstOrDefault(d => d.Date is not null);
                }
                else if (top != root) top.Body.Add(p.Text);
                continue;
            }
            while (stack.Peek().Rank >= p.Rank) stack.Pop();
            var parent = stack.Peek();
            var item = new Item { Kind = p.Kind, Rank = p.Rank, Parent = parent, Head = p.Text };
            item.Ordinal = parent.Children.Count(c => c.Kind == p.Kind) + 1;
            var prefix = parent.Kind == "article" || (parent.Kind == "roman" && !multipleSections) ? "" : parent.Clause;
            item.Clause = p.Kind switch
            {
                "roman" => p.Marker + ".",
                "article" => "Điều " + p.Marker + ".",
                // "7.1." carries its own path; only the Roman section goes in front when there are several.
                "dotted" => (multipleSections ? SectionOf(parent)?.Clause ?? "" : "") + p.Marker + ".",
                "arabic" => prefix + p.Marker + ".",
                "paren" => prefix + "(" + p.Marker + ")",
                "letter" => prefix + p.Marker + ")",
                "dash" => prefix + "-" + item.Ordinal,
                _ => prefix + "+" + item.Ordinal,
            };
            if (p.Kind is "arabic" or "paren" && int.TryParse(p.Marker, out var n) && n != item.Ordinal)
                notes.Add($"{item.Clause}: số mục không liên tục / numbering out of sequence");
            parent.Children.Add(item);
            stack.Push(item);
        }
        return root;
    }

    private static Item? SectionOf(Item? item) => item is null || item.Kind == "roman" ? item : SectionOf(item.Parent);

    private static IEnumerable<Item> Leaves(Item item)
    {
        if (item.Children.Count == 0)
        {
            if (item.Kind is not ("root" or "roman" or "article") && item.FullText.Length > 0 && !(IsAssignmentOnly(item.Head) && item.Body.Count == 0 && item.Head.TrimEnd().EndsWith(':')))
                yield return item;
            yield break;
        }
        foreach (var leaf in item.Children.SelectMany(Leaves)) yield return leaf;
    }

    /// <summary>A head that only names who is assigned ("Giao Ban Tổ chức Thành uỷ", "Các cấp ủy…:").</summary>
    private static bool IsAssignmentOnly(string head)
    {
        var h = head.Trim();
        // "Giao Ban Tổ chức Thành uỷ", "Các cấp ủy…:", or a topic heading "Về chế độ, chính sách".
        return h.EndsWith(':') || ((AssignmentHead().IsMatch(h) || h.StartsWith("Về ", StringComparison.Ordinal)) && !EndsSentence(h) && h.Length <= 90);
    }

    // ---------- splitting ----------

    /// <summary>
    /// Inline "(i) … (ii) …" are separate tasks; an item whose sentences carry different completion
    /// deadlines is split by sentence (7.2.(3)a, 7.2.(3)b) because one register row holds one deadline.
    /// </summary>
    private static IEnumerable<(string Clause, string Text, string? Note)> Split(Item leaf)
    {
        var text = TitleText(leaf);
        var inline = InlineRoman().Matches(text);
        if (inline.Count >= 2 && inline[0].Groups["r"].Value == "i")
        {
            for (var k = 0; k < inline.Count; k++)
            {
                var start = inline[k].Index + inline[k].Length;
                var end = k + 1 < inline.Count ? inline[k + 1].Index : text.Length;
                foreach (var part in SplitByDeadline(leaf.Clause + ".(" + inline[k].Groups["r"].Value + ")", text[start..end].Trim()))
                    yield return part;
            }
            yield break;
        }
        foreach (var part in SplitByDeadline(leaf.Clause, text)) yield return part;
    }

    private static IEnumerable<(string, string, string?)> SplitByDeadline(string clause, string text)
    {
        var dates = DeadlineReader.Read(text).Strong.Where(d => d.Date is not null).Select(d => d.Date).Distinct().Count();
        if (dates <= 1) { yield return (clause, text, null); yield break; }
        var sentences = SentenceEnd().Split(text).Where(s => s.Trim().Length > 0).ToList();
        var parts = new List<string>();
        var pending = "";
        foreach (var s in sentences)
        {
            pending = (pending + " " + s).Trim();
            if (DeadlineReader.Read(s).Strong.Any(d => d.Date is not null)) { parts.Add(pending); pending = ""; }
        }
        if (pending.Length > 0 && parts.Count > 0) parts[^1] += " " + pending;
        if (parts.Count < 2 || parts.Any(p => DeadlineReader.Read(p).Strong.Where(d => d.Date is not null).Select(d => d.Date).Distinct().Count() != 1))
        {
            yield return (clause, text, "Một mục có nhiều thời hạn khác nhau: tách thành các nhiệm vụ / several deadlines in one item");
            yield break;
        }
        for (var k = 0; k < parts.Count; k++)
            yield return (clause + (char)('a' + k), parts[k],
                "Tách từ một mục có nhiều thời hạn; mã mục do máy đặt: kiểm tra / split from an item with several deadlines");
    }

    private static string TitleText(Item leaf) =>
        leaf.Body.Count > 0 && IsAssignmentOnly(leaf.Head)
            ? VietnameseFold.Squash(string.Join(" ", leaf.Body))
            : leaf.FullText;

    // ---------- one row ----------

    private ExtractedTask Build(SourceDocument doc, DocumentHeader header, Item leaf, string clause, string text, string? splitNote, List<string> structureNotes)
    {
        var notes = new List<string>(header.Problems);
        var confidence = 1.0;
        if (header.Problems.Count > 0) confidence -= 0.1;
        notes.AddRange(doc.Warnings);
        if (doc.Warnings.Count > 0) confidence -= 0.1;
        notes.AddRange(structureNotes.Where(n => n.StartsWith(clause + ":", StringComparison.Ordinal)));
        if (splitNote is not null) { notes.Add(splitNote); confidence -= 0.2; }

        // Headings that frame this task, nearest first: its own head when the title is its body
        // ("2. Giao Sở X" / "Hoàn thiện…"), then each heading above it.
        var context = new List<Item>();
        if (leaf.Head != text) context.Add(leaf);
        for (var up = leaf.Parent; up is not null && up.Kind != "root"; up = up.Parent) context.Add(up);

        // Lead: the task's own words first ("Các xã, phường, đặc khu tiếp tục…"), then the headings.
        var lead = FindLead(text);
        foreach (var c in context)
            if (lead is null) lead = FindLead(c.Head);
        var leadCode = ApplyLead(lead, notes, ref confidence);
        var leadEvidence = lead?.Evidence;

        // Support: "phối hợp với …" in the item or in a heading above it.
        var support = new List<UnitMention>();
        foreach (var t in context.Select(c => c.Head).Prepend(text))
            foreach (var s in FindSupport(t, notes))
                if (s.Unit.Code != leadCode && support.All(x => x.Unit.Code != s.Unit.Code)) support.Add(s);

        // Deadline: the item's own; else a list-closing sentence or a heading's deadline above it.
        var findings = DeadlineReader.Read(text);
        var dated = findings.Strong.Where(d => d.Date is not null).ToList();
        var recurring = findings.Strong.FirstOrDefault(d => d.Kind == "thuong_xuyen");
        Deadline? due = null;
        if (dated.Select(d => d.Date).Distinct().Count() == 1) due = dated[^1];
        else if (dated.Count > 1)
        {
            notes.Add("Nhiều thời hạn khác nhau trong một nhiệm vụ: " + string.Join("; ", dated.Select(d => $"\"{d.Evidence}\"")) + " / several deadlines");
            confidence -= 0.3;
        }
        if (due is null && dated.Count == 0)
        {
            // "Các nhiệm vụ trên hoàn thành trước ngày…" closing the list, or a deadline in a heading.
            foreach (var c in context.Append(RootOf(leaf)))
            {
                due = c.Closing ?? (c.Kind != "root" ? DeadlineReader.Read(c.Head).Strong.FirstOrDefault(d => d.Date is not null) : null);
                if (due is not null) break;
            }
        }
        due = CheckDeadline(text, findings, due, recurring, dated.Count, header, notes, ref confidence);

        var taskId = $"{header.IdKey}:{clause}";
        return new ExtractedTask(doc.FileName, taskId, header.SourceDoc, header.SourceDate, clause, text,
            leadCode, leadEvidence, support.Select(s => s.Unit.Code).ToList(), support.Select(s => s.Evidence).ToList(),
            due?.Kind ?? "khong", due?.Date, due?.Evidence, Math.Round(Math.Max(0.1, confidence), 2), notes.Distinct().ToList());
    }

    private string NotInTable => units.Units.Count == 0
        ? "chưa có bảng đơn vị (--units) / no units table given"
        : "không có trong bảng đơn vị / unit not in the units table";

    private string? ApplyLead(Lead? lead, List<string> notes, ref double confidence)
    {
        string? leadCode = null;
        if (lead?.Doubt is { } doubt) { notes.Add(doubt); confidence -= 0.3; }
        switch (lead?.Kind)
        {
            case LeadKind.Unit: leadCode = lead.Unit!.Code; break;
            case LeadKind.Collective:
                notes.Add($"Giao chung cho \"{lead.Evidence}\": chọn đơn vị chủ trì / assigned to many units, choose a lead");
                confidence -= 0.3; break;
            case LeadKind.Unknown:
                notes.Add($"Đơn vị \"{lead.Evidence}\" {NotInTable}");
                confidence -= 0.4; break;
            case LeadKind.Person:
                notes.Add($"Giao cho cá nhân \"{lead.Evidence}\": xác định đơn vị chủ trì / assigned to a person");
                confidence -= 0.4; break;
            default:
                notes.Add("Không tìm thấy đơn vị chủ trì / no lead unit in the text");
                confidence -= 0.4; break;
        }
        return leadCode;
    }

    /// <summary>Flags what a person must check about the chosen deadline; returns the deadline to output.</summary>
    private static Deadline? CheckDeadline(string text, DeadlineFindings findings, Deadline? due, Deadline? recurring, int datedCount,
        DocumentHeader header, List<string> notes, ref double confidence)
    {
        if (due is not null && recurring is not null)
        {
            notes.Add($"Vừa có thời hạn vừa \"{recurring.Evidence}\": kiểm tra loại thời hạn / both a date and recurring");
            confidence -= 0.2;
        }
        if (due is null && datedCount == 0 && recurring is not null) due = recurring;
        foreach (var weak in findings.Deadlines.Where(d => !d.Strong))
        {
            notes.Add($"Có \"{weak.Evidence}\" nhưng không chắc là thời hạn hoàn thành / date may not be the deadline");
            confidence -= 0.2;
        }
        foreach (var d in findings.Doubts)
        {
            if (due is not null && d.Contains("thường xuyên", StringComparison.Ordinal) && due.Kind != "thuong_xuyen" && !d.Contains("định kỳ")) continue;
            notes.Add(d);
            confidence -= 0.15;
        }
        if (due is null && findings.Deadlines.Count == 0 && findings.Doubts.Count == 0 && UrgencyWithoutDate().Match(text) is { Success: true } urgent)
        {
            notes.Add($"Có \"{urgent.Value}\" nhưng không ghi thời hạn: kiểm tra / no deadline written");
            confidence -= 0.1;
        }
        if (due?.Date is { } dueDate && header.SourceDate is { } srcDate && dueDate < srcDate)
        {
            notes.Add($"Thời hạn {dueDate:dd/MM/yyyy} trước ngày văn bản {srcDate:dd/MM/yyyy} / deadline before the document date");
            confidence -= 0.2;
        }
        return due;
    }

    // ---------- task tables ----------

    /// <summary>
    /// Rows of a task table (Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn). The clause ("B1.3": table 1,
    /// row STT 3) is made by the extractor, so every such row is flagged for review.
    /// </summary>
    private IEnumerable<ExtractedTask> TableTasks(SourceDocument doc, DocumentHeader header)
    {
        var n = 0;
        foreach (var table in doc.Tables)
        {
            var head = table[0].Select(VietnameseFold.Fold).ToList();
            int Col(string pattern) => head.FindIndex(h => Regex.IsMatch(h, pattern));
            int title = Col("noi dung|nhiem vu|cong viec"), lead = Col("chu tri|don vi thuc hien|co quan thuc hien"),
                support = Col("phoi hop"), due = Col("thoi han|thoi gian|tien do"), stt = Col(@"^(stt|tt|so tt)$");
            if (title < 0) continue;
            n++;
            for (var r = 1; r < table.Count; r++)
            {
                var row = table[r];
                string Cell(int c) => c >= 0 && c < row.Length ? row[c] : "";
                var text = Cell(title);
                if (text.Length == 0) continue;
                var number = Cell(stt) is { Length: > 0 } s ? s.TrimEnd('.') : r.ToString(CultureInfo.InvariantCulture);
                var clause = $"B{n}.{number}";
                var notes = new List<string>(header.Problems) { $"Đọc từ bảng nhiệm vụ {n}, dòng {number}; mã mục do máy đặt: kiểm tra / read from a task table" };
                notes.AddRange(doc.Warnings);
                var confidence = 0.8 - (header.Problems.Count > 0 ? 0.1 : 0);

                Lead? leadFound = null;
                if (Cell(lead) is { Length: > 0 } leadCell)
                    leadFound = FindLead(leadCell) ?? new Lead(LeadKind.Unknown, null, leadCell);
                var leadCode = ApplyLead(leadFound, notes, ref confidence);

                var supportUnits = Cell(support) is { Length: > 0 } sc
                    ? FindSupport("phối hợp với " + sc, notes).Where(u => u.Unit.Code != leadCode).DistinctBy(u => u.Unit.Code).ToList()
                    : [];

                // A bare date in the deadline column is a deadline; the cell itself is the evidence.
                var dueCell = Cell(due);
                var findings = DeadlineReader.Read(dueCell.Length > 0 ? "Thời hạn: " + dueCell : text);
                var dated = findings.Strong.Where(d => d.Date is not null).ToList();
                Deadline? chosen = dated.Select(d => d.Date).Distinct().Count() == 1 ? dated[0] : null;
                if (dated.Select(d => d.Date).Distinct().Count() > 1)
                {
                    notes.Add($"Nhiều thời hạn trong ô \"{dueCell}\" / several deadlines");
                    confidence -= 0.3;
                }
                var recurring = findings.Strong.FirstOrDefault(d => d.Kind == "thuong_xuyen");
                chosen = CheckDeadline(text, findings, chosen, recurring, dated.Count, header, notes, ref confidence);
                if (chosen is null && dueCell.Length > 0 && findings.Doubts.Count == 0)
                {
                    notes.Add($"Không đọc được thời hạn \"{dueCell}\" / deadline cell not understood");
                    confidence -= 0.3;
                }
                yield return new ExtractedTask(doc.FileName, $"{header.IdKey}:{clause}", header.SourceDoc, header.SourceDate, clause, text,
                    leadCode, leadFound?.Evidence, supportUnits.Select(u => u.Unit.Code).ToList(), supportUnits.Select(u => u.Evidence).ToList(),
                    chosen?.Kind ?? "khong", chosen?.Date, chosen is null ? null : dueCell.Length > 0 ? dueCell : chosen.Evidence,
                    Math.Round(Math.Max(0.1, confidence), 2), notes.Distinct().ToList());
            }
        }
    }

    // ---------- units in the text ----------

    private enum LeadKind { Unit, Collective, Unknown, Person }

    private sealed record Lead(LeadKind Kind, Unit? Unit, string Evidence, string? Doubt = null);

    private static Item RootOf(Item item) => item.Parent is null ? item : RootOf(item.Parent);

    private Lead? FindLead(string text)
    {
        text = VietnameseFold.Squash(text);
        var tokens = VietnameseFold.Tokens(text);
        if (tokens.Count == 0) return null;
        // "Đồng chí Phó Bí thư … lãnh đạo Đảng ủy UBND thành phố chỉ đạo", "… chỉ đạo Ban Tổ chức Thành ủy chủ trì"
        if (Comrade().Match(text) is { Success: true } comrade)
        {
            for (var i = 0; i + 1 < tokens.Count; i++)
            {
                if (!((tokens[i].Key == "lanh" || tokens[i].Key == "chi") && tokens[i + 1].Key == "dao")) continue;
                if (units.MatchAt(text, tokens, i + 2) is { } m && FollowedByDirecting(text, m.End))
                    return new Lead(LeadKind.Unit, m.Unit, m.Evidence);
                if (i + 2 < tokens.Count && UnitLikeAt(text, tokens, i + 2) is { } unknown && FollowedByDirecting(text, tokens[i + 2].Start + unknown.Length))
                    return new Lead(LeadKind.Unknown, null, unknown);
            }
            // "Đồng chí Trưởng Ban Nội chính Thành ủy theo dõi…": the head of a unit answers for the unit.
            var afterComrade = text[comrade.Length..];
            if (PersonTitle().Match(afterComrade) is { Success: true } headOf)
            {
                var at0 = TokenAt(tokens, comrade.Length + headOf.Length);
                if (at0 >= 0 && units.MatchAt(text, tokens, at0) is { } headed) return new Lead(LeadKind.Unit, headed.Unit, headed.Evidence);
                if (at0 >= 0 && UnitLikeAt(text, tokens, at0) is { } unknownHeaded) return new Lead(LeadKind.Unknown, null, unknownHeaded);
            }
            var person = Phrase(text, tokens, 0, allowCommas: false);
            return new Lead(LeadKind.Person, null, person);
        }
        var at = 0;
        var assign = Assign().Match(text);
        if (assign.Success) at = TokenAt(tokens, assign.Length);
        else if (PersonTitle().Match(text) is { Success: true } title) at = TokenAt(tokens, title.Length);
        if (at < 0 || at >= tokens.Count) return null;
        if (units.MatchAt(text, tokens, at) is { } unit)
        {
            // "Công an thành phố, Sở Tư pháp … phối hợp thực hiện": more than one unit named, or the subject only cooperates.
            var rest = text[unit.End..];
            var next = TokenAt(tokens, unit.End);
            string? doubt = null;
            if (next >= 0 && Regex.IsMatch(rest, @"^\s*(,|và\s)") && (units.MatchAt(text, tokens, next + (tokens[next].Key == "va" ? 1 : 0)) is not null
                    || UnitLikeAt(text, tokens, next + (tokens[next].Key == "va" ? 1 : 0)) is not null))
                doubt = $"Nhiều đơn vị cùng được giao (\"{Phrase(text, tokens, at, allowCommas: true)}\"): chọn đơn vị chủ trì / several units named, choose the lead";
            else if (Regex.IsMatch(rest, @"^[^.;:]{0,60}\bphối hợp (thực hiện|với)?\s*[.;]?\s*$|^[^.;:]{0,60}\bphối hợp thực hiện"))
                doubt = "Đơn vị được nêu chỉ \"phối hợp\": kiểm tra đơn vị chủ trì / the named unit only cooperates";
            return new Lead(LeadKind.Unit, unit.Unit, unit.Evidence, doubt);
        }
        if (IsCollectiveAt(tokens, at)) return new Lead(LeadKind.Collective, null, Phrase(text, tokens, at, allowCommas: true));
        if (UnitLikeAt(text, tokens, at) is { } phrase) return new Lead(LeadKind.Unknown, null, phrase);
        return null;
    }

    private static bool FollowedByDirecting(string text, int end) =>
        DirectingVerb().IsMatch(text[end..]);

    private static int TokenAt(IReadOnlyList<WordToken> tokens, int charIndex)
    {
        for (var i = 0; i < tokens.Count; i++) if (tokens[i].Start >= charIndex) return i;
        return -1;
    }

    private static readonly HashSet<string> CollectiveNouns =
        ["cap", "xa", "phuong", "dac", "so", "ban", "nganh", "co", "don", "dia", "dang", "to", "huyen", "quan", "thi", "hoi", "doan", "chi", "uy", "chinh", "mat", "truong", "dia"];

    private static bool IsCollectiveAt(IReadOnlyList<WordToken> tokens, int at)
    {
        if (tokens[at].Key is "cac" or "nhung") return at + 1 < tokens.Count && CollectiveNouns.Contains(tokens[at + 1].Key);
        // "Ủy ban nhân dân các xã, phường", "UBND các xã"
        for (var k = at + 1; k < Math.Min(tokens.Count, at + 5); k++)
            if (tokens[k].Key == "cac") return UnitHeadAt(tokens, at) > 0;
        return false;
    }

    private static readonly string[][] FixedHeads =
    [
        ["cong", "an"], ["kho", "bac"], ["bo", "chi", "huy"], ["mat", "tran"], ["uy", "ban"], ["dang", "uy"], ["van", "phong"],
        ["thanh", "tra"], ["trung", "tam"], ["ngan", "hang"], ["toa", "an"], ["vien", "kiem", "sat"], ["hoi", "dong"],
        ["lien", "doan"], ["thanh", "uy"], ["tinh", "uy"], ["thuong", "truc"],
    ];
    private static readonly HashSet<string> CapitalisedHeads = ["so", "ban", "cuc", "bo", "hoi", "truong", "doan", "bao", "dai", "vien", "chi"];
    private static readonly HashSet<string> AbbreviatedHeads = ["UBND", "HĐND", "MTTQ", "BTV", "BTC", "VPTU", "UBKT", "ĐU"];

    /// <summary>How many words make a unit-type head at this position ("Sở X", "Công an", "UBND"); 0 when none.</summary>
    private static int UnitHeadAt(IReadOnlyList<WordToken> tokens, int at)
    {
        if (AbbreviatedHeads.Contains(tokens[at].Bare)) return 1;
        foreach (var head in FixedHeads)
            if (at + head.Length <= tokens.Count && head.Select((h, k) => tokens[at + k].Key == h).All(x => x)) return head.Length;
        if (CapitalisedHeads.Contains(tokens[at].Key) && char.IsUpper(tokens[at].Text[0]) && at + 1 < tokens.Count && char.IsUpper(tokens[at + 1].Text[0]))
            return 1;
        return 0;
    }

    private static string? UnitLikeAt(string text, IReadOnlyList<WordToken> tokens, int at) =>
        UnitHeadAt(tokens, at) > 0 ? Phrase(text, tokens, at, allowCommas: false) : null;

    private static readonly string[][] StopWords =
    [
        ["chu", "tri"], ["phoi", "hop"], ["chi", "dao"], ["lanh", "dao"], ["thuc", "hien"], ["tham", "muu"], ["theo", "doi"],
        ["tong", "ket"], ["tong", "hop"], ["huong", "dan"], ["khan", "truong"], ["tiep", "tuc"], ["co", "trach"], ["xay", "dung"],
        ["hoan", "thanh"], ["hoan", "thien"], ["ra", "soat"], ["kien", "toan"], ["bao", "cao"], ["trien", "khai"], ["sap", "xep"],
        ["nghien", "cuu"], ["de", "xuat"], ["quan", "triet"], ["tap", "trung"], ["chu", "dong"], ["danh", "gia"], ["bo", "tri"],
    ];

    /// <summary>The words naming a body, from <paramref name="at"/> up to punctuation or the verb that follows it.</summary>
    private static string Phrase(string text, IReadOnlyList<WordToken> tokens, int at, bool allowCommas)
    {
        var end = at;
        for (var k = at; k < tokens.Count && k < at + 14; k++)
        {
            if (k > at)
            {
                var gap = text[tokens[k - 1].End..tokens[k].Start];
                if (gap.IndexOfAny([':', ';', '(', ')']) >= 0 || (!allowCommas && gap.Contains(',')) || tokens[k - 1].Text.EndsWith('.')) break;
                if (StopWords.Any(s => k + s.Length <= tokens.Count && s.Select((w, j) => tokens[k + j].Key == w).All(x => x))) break;
            }
            end = k;
        }
        var stop = tokens[end].Text.EndsWith('.') ? tokens[end].End - 1 : tokens[end].End;
        return VietnameseFold.Squash(text[tokens[at].Start..stop]);
    }

    private IEnumerable<UnitMention> FindSupport(string text, List<string> notes)
    {
        text = VietnameseFold.Squash(text);
        var tokens = VietnameseFold.Tokens(text);
        foreach (Match m in Cooperate().Matches(text))
        {
            var at = TokenAt(tokens, m.Index + m.Length);
            while (at >= 0 && at < tokens.Count)
            {
                if (GenericRelated().IsMatch(text[tokens[at].Start..])) break;
                int next;
                if (units.MatchAt(text, tokens, at) is { } unit)
                {
                    yield return unit;
                    next = TokenAt(tokens, unit.End);
                }
                else
                {
                    if (IsCollectiveAt(tokens, at)) break;
                    if (UnitLikeAt(text, tokens, at) is { } unknown)
                        notes.Add($"Đơn vị phối hợp \"{unknown}\" {NotInTable}");
                    break;
                }
                if (next < 0) break;
                var gap = text[tokens[next - 1].End..tokens[next].Start];
                if (tokens[next].Key == "va" && !gap.Contains(',')) next++;
                else if (gap.Trim() == ",") { if (tokens[next].Key == "va") next++; }
                else break;
                at = next;
            }
        }
    }

    [GeneratedRegex(@"^(?<m>[IVX]{1,4})\.\s+(?=\p{Lu})")] private static partial Regex RomanMarker();
    [GeneratedRegex(@"^(?<m>\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=[\p{L}(“""])")] private static partial Regex DottedMarker();
    [GeneratedRegex(@"^Điều (?<m>\d{1,3})\.\s*")] private static partial Regex ArticleMarker();
    [GeneratedRegex(@"^(?<m>\d{1,2})\.\s*(?=[\p{L}(“""])")] private static partial Regex ArabicMarker();
    [GeneratedRegex(@"^(?<m>[a-zđ])\)\s+")] private static partial Regex LetterMarker();
    [GeneratedRegex(@"^\((?<m>\d{1,2})\)\s*")] private static partial Regex ParenMarker();
    [GeneratedRegex(@"^[-–—•]\s+")] private static partial Regex DashMarker();
    [GeneratedRegex(@"^\+\s+")] private static partial Regex PlusMarker();
    [GeneratedRegex(@"^(T/M|TM\.|KT\.|T/L|TL\.|TUQ\.)\s", RegexOptions.IgnoreCase)] private static partial Regex Signature();
    [GeneratedRegex(@"nhiem vu|giai phap|to chuc thuc hien|phan cong|trach nhiem|de nghi")] private static partial Regex TaskSection();
    [GeneratedRegex(@"danh gia|ket qua|tinh hinh|muc dich|yeu cau|can cu|han che|nguyen nhan")] private static partial Regex ReviewSection();
    [GeneratedRegex(@"^(Các|Những)\s+(nhiệm vụ|nội dung|việc|công việc)\s+(nêu\s+)?trên\b")] private static partial Regex ListClosing();
    [GeneratedRegex(@"^(Giao|Đề nghị|Yêu cầu|Các|Những)\s|^\p{Lu}[^.;]*:\s*$")] private static partial Regex AssignmentHead();
    [GeneratedRegex(@"(?<=[:.;]\s?)\((?<r>i|ii|iii|iv|v|vi|vii|viii)\)\s")] private static partial Regex InlineRoman();
    [GeneratedRegex(@"(?<=[.;])\s+(?=\p{Lu})")] private static partial Regex SentenceEnd();
    [GeneratedRegex(@"^(Đồng chí|Đ/c)\s")] private static partial Regex Comrade();
    [GeneratedRegex(@"^\s*(chỉ đạo|chủ trì|thực hiện|tổ chức thực hiện|:)")] private static partial Regex DirectingVerb();
    [GeneratedRegex(@"^(Giao cho|Giao|Đề nghị|Yêu cầu)\s+")] private static partial Regex Assign();
    [GeneratedRegex(@"^(Giám đốc|Thủ trưởng|Chủ tịch|Trưởng|Chánh|Người đứng đầu|Bí thư)\s+(?!các\b)")] private static partial Regex PersonTitle();
    [GeneratedRegex(@"(?i:phối hợp)(?: chặt chẽ)?(?: với)?\s+")] private static partial Regex Cooperate();
    [GeneratedRegex(@"^(?i:(các|những|cơ quan|đơn vị)\b[^,;.]{0,40}\b(liên quan|có liên quan))")] private static partial Regex GenericRelated();
    [GeneratedRegex(@"(?i:khẩn trương|\bngay\b|báo cáo|thời hạn)")] private static partial Regex UrgencyWithoutDate();
}
