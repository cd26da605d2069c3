using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.TaskExtraction;

/// <summary>One row of the task register as extracted, with the words each field was read from.</summary>
public sealed record ExtractedTask(
    string SourceFile, string TaskId, string SourceDoc, DateOnly? SourceDate, string Clause, string Title,
    string? LeadUnit, string? LeadEvidence, IReadOnlyList<string> SupportUnits, IReadOnlyList<string> SupportEvidence,
    string DueKind, DateOnly? DueDate, string? DueEvidence, double Confidence, IReadOnlyList<string> ReviewNotes)
{
    public string ReviewNote => string.Join(" | ", ReviewNotes);

    /// <summary>The sentence that introduces an inline item ("Giao Ban Tổ chức Thành ủy … các nội dung:"); null for a whole item.</summary>
    public string? Context { get; init; }
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
        /// <summary>An unnumbered paragraph above this item that introduces another document's tasks.</summary>
        public string? QuoteIntro;
        public int Ordinal;
        public string FullText => VietnameseFold.Squash(Head + " " + string.Join(" ", Body));
    }

    /// <param name="Excerpt">Taken from a section that is not about tasks only because it restates another document's tasks.</param>
    private sealed record Paragraph(string Text, string? Kind, string Marker, int Rank, bool Excerpt = false);

    /// <summary>One task cut from a leaf: its clause and words, and for an inline item the sentence introducing the list
    /// and the deadline that closes the whole list.</summary>
    private sealed record Piece(string Clause, string Text, string? Note, string? Intro = null, Deadline? Closing = null);

    /// <summary>The document whose tasks a passage restates ("… giao tại Kết luận số 183-KL/TW ngày 01/8/2025, như sau:").</summary>
    private sealed record QuotedSource(string Doc, DateOnly? Date, string Evidence);

    public IReadOnlyList<ExtractedTask> Extract(SourceDocument doc)
    {
        var header = DocumentHeader.Read(doc);
        var root = BuildTree(Zone(Paragraphs(doc.Lines)), out var structureNotes);
        var tasks = new List<ExtractedTask>();
        foreach (var leaf in Leaves(root))
            foreach (var piece in Split(leaf))
                tasks.Add(Build(doc, header, leaf, piece, structureNotes));
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
            // "…; b) tham mưu …;" wrapped so that "c) tổng hợp …" starts a line: still the same paragraph's list.
            if (text is not null && k is "letter" or "paren" && ContinuesInlineList(text, k, m)) k = null;
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

    private static bool ContinuesInlineList(string text, string kind, string marker)
    {
        string previous;
        if (kind == "letter") { if (marker is "a") return false; previous = (char)(marker[0] - 1) + ")"; }
        else { if (!int.TryParse(marker, out var n) || n <= 1) return false; previous = $"({n - 1})"; }
        return Regex.IsMatch(text, @"[:;.]\s+" + Regex.Escape(previous) + @"\s");
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
            Paragraph? section = null;
            int? excerptRank = null;
            foreach (var p in paragraphs)
            {
                if (p.Kind == "roman") { inside = wanted.Contains(p); section = p; excerptRank = null; }
                if (inside) { zone.Add(p); continue; }
                // A section about something else (a propaganda guide's "NỘI DUNG TUYÊN TRUYỀN") that restates a
                // central document's tasks: those tasks are tasks, the rest of the section is not.
                if (excerptRank is { } rank && (p.Kind is null || p.Rank > rank)) { zone.Add(p with { Excerpt = true }); continue; }
                excerptRank = null;
                if (p.Kind is "roman") continue;
                if (p.Kind is null ? QuotedIn(p.Text) is null : !IntroducesQuotedTasks(p.Text)) continue;
                if (section is not null && !zone.Contains(section)) zone.Add(section);
                zone.Add(p with { Excerpt = true });
                // An unnumbered introduction brings every item after it in the section.
                excerptRank = p.Kind is null ? 0 : p.Rank;
            }
            return zone;
        }
        var first = paragraphs.FindIndex(p => p.Kind == "arabic");
        // The sentence just before item 1 may say whose tasks the items are ("Kết luận số … yêu cầu như sau:").
        if (first > 0 && paragraphs[first - 1].Kind is null && QuotedIn(paragraphs[first - 1].Text) is not null) first--;
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
        // "Kết luận số 183-KL/TW ngày 01/8/2025 của Bộ Chính trị yêu cầu như sau:" over numbered items: those items,
        // down to the level of the first one, restate that document's tasks.
        string? quoteIntro = null;
        int? quoteRank = null;
        foreach (var p in zone)
        {
            if (p.Kind is null && QuotedIn(p.Text) is not null)
            {
                (quoteIntro, quoteRank) = (p.Text, null);
                continue;
            }
            if (p.Kind is "roman" or "article") quoteIntro = null;
            else if (quoteIntro is not null && p.Kind is not null)
            {
                quoteRank ??= p.Rank;
                if (p.Rank < quoteRank) quoteIntro = null;
            }
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
            var item = new Item { Kind = p.Kind, Rank = p.Rank, Parent = parent, Head = p.Text, QuoteIntro = quoteIntro };
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
            if (p.Kind is "arabic" or "paren" && !p.Excerpt && int.TryParse(p.Marker, out var n) && n != item.Ordinal)
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
            if (item.Kind is not ("root" or "roman" or "article") && item.FullText.Length > 0 && !(IsAssignmentOnly(item.Head) && item.Body.Count == 0 && item.Head.TrimEnd().EndsWith(':'))
                && !IsAssessmentHeading(item.Head))
                yield return item;
            yield break;
        }
        foreach (var leaf in item.Children.SelectMany(Leaves)) yield return leaf;
    }

    /// <summary>"1. Đánh giá chung", "Kết quả đạt được": a heading over the review of what was done, not a task.</summary>
    private static bool IsAssessmentHeading(string head)
    {
        var h = head.Trim();
        return h.Length <= 60 && !EndsSentence(h) && AssessmentHeading().IsMatch(VietnameseFold.Fold(h));
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
    /// An inline list inside a paragraph ("…như sau: (1) …; (2) …", "(i) … (ii) …", "a) … b) …", ": - …; - …") gives
    /// one task per item, introduced by the words before the list; an item whose sentences carry different completion
    /// deadlines is split by sentence (7.2.(3)a, 7.2.(3)b) because one register row holds one deadline.
    /// </summary>
    private static IEnumerable<Piece> Split(Item leaf)
    {
        var text = TitleText(leaf);
        if (InlineList(text) is { } list)
        {
            var join = leaf.Clause.EndsWith('.') ? "" : ".";
            var items = list.Items;
            // "(toàn bộ các nhiệm vụ này phải hoàn thành trước ngày 31/8/2025)" after the last item is for every item.
            Deadline? closing = null;
            if (InlineClosing().Match(items[^1].Text) is { Success: true } close &&
                DeadlineReader.Read(close.Groups["c"].Value).Strong.FirstOrDefault(d => d.Date is not null) is { } closingDeadline)
            {
                closing = closingDeadline;
                items[^1] = (items[^1].Label, items[^1].Text[..close.Index].TrimEnd(' ', ';', ',', '.'));
            }
            foreach (var (label, itemText) in items)
                foreach (var (clause, part, note) in SplitByDeadline(leaf.Clause + join + label, itemText))
                    yield return new Piece(clause, part, note, list.Intro, closing);
            yield break;
        }
        foreach (var (clause, part, note) in SplitByDeadline(leaf.Clause, text)) yield return new Piece(clause, part, note);
    }

    private sealed record InlineItems(string Intro, List<(string Label, string Text)> Items);

    private static readonly string[] RomanOrdinals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];

    /// <summary>
    /// The inline list of a paragraph: markers of one kind in sequence ((1), (2)…; (i), (ii)…; a), b)…; or dashes), the
    /// first after a colon, each after a colon, semicolon or full stop, at least two. The list starting first wins.
    /// </summary>
    private static InlineItems? InlineList(string text)
    {
        var marks = InlineMarker().Matches(text).ToList();
        List<Match>? best = null;
        foreach (var kind in new[] { "p", "r", "l", "d" })
        {
            var chain = new List<Match>();
            foreach (var m in marks.Where(m => m.Groups[kind].Success))
            {
                var expected = chain.Count + 1;
                var value = m.Groups[kind].Value;
                var fits = kind switch
                {
                    "p" => value == expected.ToString(CultureInfo.InvariantCulture),
                    "r" => expected <= RomanOrdinals.Length && value == RomanOrdinals[expected - 1],
                    "l" => value[0] == (char)('a' + expected - 1),
                    _ => true,
                };
                if (chain.Count == 0 && !(fits && m.Groups["sep"].Value == ":")) continue;
                if (chain.Count > 0 && (!fits || (kind == "d" && m.Groups["sep"].Value == ":"))) continue;
                chain.Add(m);
            }
            if (chain.Count >= 2 && (best is null || chain[0].Index < best[0].Index)) best = chain;
        }
        if (best is null) return null;
        var items = new List<(string, string)>();
        for (var k = 0; k < best.Count; k++)
        {
            var m = best[k];
            var start = m.Index + m.Length;
            var end = k + 1 < best.Count ? best[k + 1].Groups["mark"].Index : text.Length;
            var label = m.Groups["p"].Success ? $"({m.Groups["p"].Value})"
                : m.Groups["r"].Success ? $"({m.Groups["r"].Value})"
                : m.Groups["l"].Success ? m.Groups["l"].Value + ")"
                : "-" + (k + 1).ToString(CultureInfo.InvariantCulture);
            items.Add((label, text[start..end].Trim().TrimEnd(';', ',').TrimEnd()));
        }
        return new InlineItems(text[..best[0].Groups["mark"].Index].Trim(), items);
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

    private ExtractedTask Build(SourceDocument doc, DocumentHeader header, Item leaf, Piece piece, List<string> structureNotes)
    {
        var (clause, text, splitNote) = (piece.Clause, piece.Text, piece.Note);
        var notes = new List<string>(header.Problems);
        var confidence = 1.0;
        if (header.Problems.Count > 0) confidence -= 0.1;
        notes.AddRange(doc.Warnings);
        if (doc.Warnings.Count > 0) confidence -= 0.1;
        notes.AddRange(structureNotes.Where(n => n.StartsWith(clause + ":", StringComparison.Ordinal)));
        if (splitNote is not null) { notes.Add(splitNote); confidence -= 0.2; }

        // Words that frame this task, nearest first: the sentence introducing an inline list (with the deadline
        // closing that list), or its own head when the title is its body ("2. Giao Sở X" / "Hoàn thiện…"),
        // then each heading above it.
        var context = new List<(string Head, Deadline? Closing)>();
        if (piece.Intro is not null) context.Add((piece.Intro, piece.Closing));
        else if (leaf.Head != text) context.Add((leaf.Head, leaf.Closing));
        for (var up = leaf.Parent; up is not null && up.Kind != "root"; up = up.Parent) context.Add((up.Head, up.Closing));
        context.Add(("", RootOf(leaf).Closing));

        // Tasks restated from another document belong to that document; the row says where they were read.
        var quote = piece.Intro is not null ? QuotedIn(piece.Intro) : null;
        for (var up = leaf.Parent; quote is null && up is not null && up.Kind is not ("root" or "roman"); up = up.Parent)
            quote = QuotedIn(up.FullText);
        for (var up = leaf; quote is null && up is not null; up = up.Parent)
            if (up.QuoteIntro is not null) quote = QuotedIn(up.QuoteIntro);
        if (quote is not null)
        {
            notes.Add($"Nhiệm vụ trích từ \"{quote.Evidence}\", nêu lại trong văn bản {header.SourceDoc}: văn bản giao là {quote.Doc} / task quoted from another document");
            confidence -= 0.1;
            if (quote.Date is null) { notes.Add($"Không rõ ngày của {quote.Doc} / date of the quoted document not written"); confidence -= 0.2; }
            header = header with { SourceDoc = quote.Doc, SourceDate = quote.Date };
        }

        // Lead: the task's own words first ("Các xã, phường, đặc khu tiếp tục…"), then the headings.
        var lead = FindLead(text);
        foreach (var c in context)
            if (lead is null && c.Head.Length > 0) lead = FindLead(c.Head);
        var leadCode = ApplyLead(lead, notes, ref confidence);
        var leadEvidence = lead?.Evidence;

        // Support: "phối hợp với …" in the item or in a heading above it.
        var support = new List<UnitMention>();
        foreach (var t in context.Select(c => c.Head).Where(h => h.Length > 0).Prepend(text))
            foreach (var s in FindSupport(t, notes))
                if (s.Unit.Code != leadCode && support.All(x => x.Unit.Code != s.Unit.Code)) support.Add(s);

        // Deadline: the item's own; else a list-closing sentence or a heading's deadline above it.
        var findings = DeadlineReader.Read(text);
        var dated = findings.Strong.Where(d => d.Date is not null).ToList();
        var recurring = findings.Strong.FirstOrDefault(d => d.Kind == "thuong_xuyen");
        // "Văn phòng … thường xuyên theo dõi, đôn đốc …": the unit's task itself recurs.
        if (recurring is null && lead?.Kind == LeadKind.Unit && text.IndexOf(lead.Evidence, StringComparison.Ordinal) is >= 0 and var at &&
            SubjectRecurs().Match(text[(at + lead.Evidence.Length)..]) is { Success: true } recurs)
        {
            recurring = new Deadline("thuong_xuyen", null, recurs.Groups["w"].Value, true, at + lead.Evidence.Length + recurs.Groups["w"].Index);
            findings = findings with { Doubts = findings.Doubts.Where(d => !d.Contains("recurring?", StringComparison.Ordinal)).ToList() };
        }
        Deadline? due = null;
        if (dated.Select(d => d.Date).Distinct().Count() == 1)
        {
            due = dated[^1];
            if (piece.Closing is { } listDue && listDue.Date != due.Date)
            {
                notes.Add($"Mục có hạn riêng \"{due.Evidence}\" khác hạn chung của danh sách \"{listDue.Evidence}\": lấy hạn riêng, kiểm tra / item's own deadline kept over the list's");
                confidence -= 0.2;
            }
        }
        else if (dated.Count > 1)
        {
            notes.Add("Nhiều thời hạn khác nhau trong một nhiệm vụ: " + string.Join("; ", dated.Select(d => $"\"{d.Evidence}\"")) + " / several deadlines");
            confidence -= 0.3;
        }
        if (due is null && dated.Count == 0)
        {
            // "Các nhiệm vụ trên hoàn thành trước ngày…" closing the list, or a deadline in a heading.
            foreach (var c in context)
            {
                due = c.Closing ?? (c.Head.Length > 0 ? DeadlineReader.Read(c.Head).Strong.FirstOrDefault(d => d.Date is not null) : null);
                if (due is not null) break;
            }
        }
        due = CheckDeadline(text, findings, due, recurring, dated.Count, header, notes, ref confidence);

        var taskId = $"{header.IdKey}:{clause}";
        return new ExtractedTask(doc.FileName, taskId, header.SourceDoc, header.SourceDate, clause, text,
            leadCode, leadEvidence, support.Select(s => s.Unit.Code).ToList(), support.Select(s => s.Evidence).ToList(),
            due?.Kind ?? "khong", due?.Date, due?.Evidence, Math.Round(Math.Max(0.1, confidence), 2), notes.Distinct().ToList())
        {
            Context = piece.Intro,
        };
    }

    private static bool IntroducesQuotedTasks(string paragraph) =>
        (InlineList(paragraph) is { } list && QuotedIn(list.Intro) is not null) || QuotedIn(paragraph) is not null;

    /// <summary>
    /// The document a list's introduction quotes: the last sentence ends with a colon and names the tasks as given
    /// in another document ("… giao tại Kết luận số 183-KL/TW ngày 01/8/2025 …, như sau:", "Kết luận số … yêu cầu:").
    /// "Thực hiện Kết luận số …, Ban Thường vụ yêu cầu … nội dung sau:" introduces the document's own tasks.
    /// </summary>
    private static QuotedSource? QuotedIn(string intro)
    {
        intro = VietnameseFold.Squash(intro).TrimEnd();
        if (!intro.EndsWith(':')) return null;
        var sentence = SentenceEnd().Split(intro)[^1];
        // "Tại Kết luận số …, Bộ Chính trị đánh giá như sau:" quotes an assessment, not tasks.
        if (OwnImplementation().IsMatch(sentence) || !TaskWord().IsMatch(sentence)) return null;
        var m = QuotedReference().Match(sentence);
        if (!m.Success) return null;
        DateOnly? date = DocumentHeader.TryDate(m.Groups["d"].Value, m.Groups["mo"].Value, m.Groups["y"].Value, out var d) ? d : null;
        return new QuotedSource(m.Groups["num"].Value, date, m.Groups["ref"].Value.TrimEnd(',', ' '));
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
        // "Về tài chính: Sở Tài chính chủ trì…": the topic before the colon names no one.
        if (TopicLeadIn().Match(text) is { Success: true } topic) text = text[topic.Length..];
        // "Thực hiện Kết luận số …, Ban Thường vụ Thành ủy giao Ban Tổ chức Thành ủy: …": the body given the task
        // is the one after "giao", not the one giving it.
        if (ImplementingLeadIn().Match(text) is { Success: true } implementing) text = text[implementing.Length..];
        if (AssignerLeadIn().Match(text) is { Success: true } assigner) text = text[assigner.Length..];
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
    [GeneratedRegex(@"^\(?(?:(?i:toàn bộ|tất cả)\s+(?:các\s+|những\s+)?|(?:Các|Những)\s+)(?:nhiệm vụ|nội dung|việc|công việc)\s+(?:nêu\s+)?(?:trên|này)\b")] private static partial Regex ListClosing();
    [GeneratedRegex(@"(?:\((?<c>(?i:toàn bộ|tất cả|các|những)\s+(?:các\s+|những\s+)?(?:nhiệm vụ|nội dung|việc|công việc)\s+(?:nêu\s+)?(?:trên|này)\b[^()]*)\)|(?<=[.;]\s)(?<c>(?i:toàn bộ|tất cả|các|những)\s+(?:các\s+|những\s+)?(?:nhiệm vụ|nội dung|việc|công việc)\s+(?:nêu\s+)?(?:trên|này)\b[^()]*?))[.;]?\s*$")] private static partial Regex InlineClosing();
    [GeneratedRegex(@"(?<sep>[:;.])\s*(?<mark>(?:\((?<p>\d{1,2})\)|\((?<r>i{1,3}|iv|v|vi{1,3}|ix|x)\)|(?<l>[a-zđ])\)|(?<d>[-–])))\s+(?=[\p{L}\d(“""*])")] private static partial Regex InlineMarker();
    [GeneratedRegex(@"^(?:danh gia|ket qua|tinh hinh)")] private static partial Regex AssessmentHeading();
    [GeneratedRegex(@"^(?:Thực hiện|Căn cứ|Triển khai|Để triển khai|Để thực hiện)\s")] private static partial Regex OwnImplementation();
    [GeneratedRegex(@"(?:^(?:Tại\s+)?|\b(?:tại|trong)\s+)(?<ref>(?:Kết luận|Thông báo(?: kết luận)?|Nghị quyết|Chỉ thị|Quyết định|Công văn|Kế hoạch|Hướng dẫn|Quy định)\s+số\s+(?<num>\d{1,5}[-/][\p{Lu}\d][\p{L}\d/\-]*)(?:\s*,)?(?:\s+ngày\s+(?<d>\d{1,2})/(?<mo>\d{1,2})/(?<y>\d{4}))?)")] private static partial Regex QuotedReference();
    [GeneratedRegex(@"^Về\s[^:;.]{1,60}:\s*")] private static partial Regex TopicLeadIn();
    [GeneratedRegex(@"(?i:nhiệm vụ|\bgiao\b|yêu cầu|đề nghị|chỉ đạo|phân công|trách nhiệm)")] private static partial Regex TaskWord();
    [GeneratedRegex(@"^(?:Thực hiện|Căn cứ|Triển khai|Để triển khai|Để thực hiện)\s[^,:;]{1,160},\s*(?=\p{Lu})")] private static partial Regex ImplementingLeadIn();
    [GeneratedRegex(@"^(?:Ban Thường vụ|Thường trực|Ban Chấp hành|Ban Bí thư|Bộ Chính trị)[^,:;]{0,40}?\s(?:giao|yêu cầu|đề nghị)(?:\s+cho)?\s+(?=\p{Lu})")] private static partial Regex AssignerLeadIn();
    [GeneratedRegex(@"^\s*(?:có trách nhiệm\s+)?(?<w>thường xuyên)\s")] private static partial Regex SubjectRecurs();
    [GeneratedRegex(@"^(Giao|Đề nghị|Yêu cầu|Các|Những)\s|^\p{Lu}[^.;]*:\s*$")] private static partial Regex AssignmentHead();
    [GeneratedRegex(@"(?<=[.;])\s+(?=\p{Lu})")] private static partial Regex SentenceEnd();
    [GeneratedRegex(@"^(Đồng chí|Đ/c)\s")] private static partial Regex Comrade();
    [GeneratedRegex(@"^\s*(chỉ đạo|chủ trì|thực hiện|tổ chức thực hiện|:)")] private static partial Regex DirectingVerb();
    [GeneratedRegex(@"^(Giao cho|Giao|Đề nghị|Yêu cầu)\s+")] private static partial Regex Assign();
    [GeneratedRegex(@"^(Giám đốc|Thủ trưởng|Chủ tịch|Trưởng|Chánh|Người đứng đầu|Bí thư)\s+(?!các\b)")] private static partial Regex PersonTitle();
    [GeneratedRegex(@"(?i:phối hợp)(?: chặt chẽ)?(?: với)?\s+")] private static partial Regex Cooperate();
    [GeneratedRegex(@"^(?i:(các|những|cơ quan|đơn vị)\b[^,;.]{0,40}\b(liên quan|có liên quan))")] private static partial Regex GenericRelated();
    [GeneratedRegex(@"(?i:khẩn trương|\bngay\b|báo cáo|thời hạn)")] private static partial Regex UrgencyWithoutDate();
}
