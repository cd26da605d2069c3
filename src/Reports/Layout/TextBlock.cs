using System.Text;
using Analytics.Reports.Fonts;
using SkiaSharp;

namespace Analytics.Reports.Layout;

public enum TextAlign { Left, Center, Right, Justify }

public sealed record TextStyle(FontSet Fonts, float Size, bool Bold = false, bool Italic = false, bool Underline = false)
{
    public SKColor Color { get; init; } = SKColors.Black;
    public TextStyle With(bool? bold = null, bool? italic = null, float? size = null, bool? underline = null) =>
        this with { Bold = bold ?? Bold, Italic = italic ?? Italic, Size = size ?? Size, Underline = underline ?? Underline };
}

/// <summary>A piece of text in one style. Text is NFC-normalised so "ệ" is one code point and one glyph.</summary>
public sealed record TextRun(string Text, TextStyle Style)
{
    public string Text { get; } = Text.Normalize(NormalizationForm.FormC);
}

/// <summary>
/// A paragraph: runs wrapped at spaces into lines (left, centred, right or justified, the last
/// line of a justified paragraph left), with a first-line indent. Splits between lines across pages.
/// Words are drawn as real text with their trailing space, so copying gives the words a reader sees.
/// </summary>
public sealed class TextBlock : Element
{
    private readonly IReadOnlyList<TextRun> _runs;
    private int _firstLine;
    private float _cachedWidth = -1;
    private List<Line> _cachedLines = [];

    public TextAlign Align { get; init; } = TextAlign.Left;
    public float FirstLineIndent { get; init; }
    /// <summary>Line height as a multiple of the largest font size on the line.</summary>
    public float LineSpacing { get; init; } = 1.25f;

    public TextBlock(IReadOnlyList<TextRun> runs) => _runs = runs;
    public TextBlock(string text, TextStyle style) : this([new TextRun(text, style)]) { }

    private sealed record Piece(string Text, TextStyle Style, float Width);
    private sealed record Word(List<Piece> Pieces, float Width, float SpaceWidth);
    private sealed record Line(List<Word> Words, float Width, float Height, float Ascent, bool EndsParagraph, float Indent);

    // SKFont objects are reused: creating one per word made layout the slow part of a briefing.
    [ThreadStatic] private static Dictionary<(SKTypeface, float), SKFont>? _fonts;

    private static SKFont Font(TextStyle s)
    {
        _fonts ??= [];
        var key = (s.Fonts.Face(s.Bold, s.Italic), s.Size);
        if (!_fonts.TryGetValue(key, out var font)) _fonts[key] = font = new SKFont(key.Item1, key.Item2);
        return font;
    }

    private List<Word> Words()
    {
        var words = new List<Word>();
        List<Piece>? current = null;
        TextStyle? lastStyle = null;
        void Finish()
        {
            if (current is { Count: > 0 })
            {
                var f = Font(lastStyle!);
                words.Add(new Word(current, current.Sum(p => p.Width), f.MeasureText(" ")));
            }
            current = null;
        }
        foreach (var run in _runs)
        {
            var font = Font(run.Style);
            var parts = run.Text.Split(' ');
            for (var k = 0; k < parts.Length; k++)
            {
                if (k > 0) Finish(); // a space separated this part from the previous
                if (parts[k].Length == 0) continue;
                current ??= [];
                current.Add(new Piece(parts[k], run.Style, font.MeasureText(parts[k])));
                lastStyle = run.Style;
            }
        }
        Finish();
        return words;
    }

    private List<Line> Lines(float width)
    {
        if (Math.Abs(width - _cachedWidth) < 0.01f) return _cachedLines;
        var lines = new List<Line>();
        var words = Words();
        var maxSize = _runs.Count == 0 ? 0 : _runs.Max(r => r.Style.Size);
        var line = new List<Word>();
        var lineWidth = 0f;
        var indent = FirstLineIndent;

        void Emit(bool endsParagraph)
        {
            var size = line.Count == 0 ? maxSize : line.SelectMany(w => w.Pieces).Max(p => p.Style.Size);
            var ascent = 0f;
            var styles = line.Count == 0 ? _runs.Select(r => r.Style).Take(1) : line.SelectMany(w => w.Pieces).Select(p => p.Style);
            foreach (var s in styles) { var f = Font(s); ascent = Math.Max(ascent, -f.Metrics.Ascent); }
            lines.Add(new Line([.. line], lineWidth, size * LineSpacing, ascent, endsParagraph, indent));
            line.Clear();
            lineWidth = 0;
            indent = 0;
        }

        foreach (var w in words)
        {
            var available = width - indent;
            var needed = line.Count == 0 ? w.Width : lineWidth + line[^1].SpaceWidth + w.Width;
            if (needed <= available + 0.01f)
            {
                line.Add(w);
                lineWidth = needed;
                continue;
            }
            if (line.Count > 0) Emit(false);
            if (w.Width <= width - indent + 0.01f)
            {
                line.Add(w);
                lineWidth = w.Width;
                continue;
            }
            // A single word wider than the line (a long code in a narrow cell): break it by characters.
            foreach (var chunk in BreakWord(w, width - indent))
            {
                if (line.Count > 0) Emit(false);
                line.Add(chunk);
                lineWidth = chunk.Width;
            }
        }
        if (line.Count > 0 || lines.Count == 0) Emit(true);
        _cachedWidth = width;
        _cachedLines = lines;
        return lines;
    }

    private static IEnumerable<Word> BreakWord(Word w, float width)
    {
        var pieces = new List<Piece>();
        float total = 0;
        foreach (var p in w.Pieces)
        {
            var f = Font(p.Style);
            var start = 0;
            for (var k = 0; k < p.Text.Length; k++)
            {
                if (total + f.MeasureText(p.Text[start..(k + 1)]) <= width || (k == start && total == 0)) continue;
                if (k > start)
                {
                    var s = p.Text[start..k];
                    var sw = f.MeasureText(s);
                    pieces.Add(new Piece(s, p.Style, sw));
                    total += sw;
                }
                yield return new Word(pieces, total, w.SpaceWidth);
                pieces = [];
                total = 0;
                start = k;
            }
            if (start < p.Text.Length)
            {
                var s = p.Text[start..];
                var sw = f.MeasureText(s);
                pieces.Add(new Piece(s, p.Style, sw));
                total += sw;
            }
        }
        if (pieces.Count > 0) yield return new Word(pieces, total, w.SpaceWidth);
    }

    /// <summary>Never one line of a paragraph alone at a page foot (orphan) nor alone at the top of the next (widow).</summary>
    public bool KeepLinesTogether { get; init; } = true;

    private int FittingLines(List<Line> lines, float height, out float used)
    {
        used = 0;
        var n = 0;
        for (var i = _firstLine; i < lines.Count; i++)
        {
            if (used + lines[i].Height > height + 0.01f) break;
            used += lines[i].Height;
            n++;
        }
        var left = lines.Count - _firstLine;
        if (KeepLinesTogether && n < left && left > 2)
        {
            if (n == 1 && _firstLine == 0) n = 0;                      // orphan: the first line alone at the foot
            else if (n == left - 1 && n >= 3) n--;                      // widow: the last line alone on the next page
            used = 0;
            for (var i = _firstLine; i < _firstLine + n; i++) used += lines[i].Height;
        }
        return n;
    }

    /// <summary>The width of a text on one line.</summary>
    public static float Width(string text, TextStyle style) => Font(style).MeasureText(text.Normalize(NormalizationForm.FormC));

    /// <summary>The widest word of a text: the narrowest it can be set without breaking inside a word.</summary>
    public static float WidestWord(string text, TextStyle style)
    {
        var font = Font(style);
        var widest = 0f;
        foreach (var w in text.Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            widest = Math.Max(widest, font.MeasureText(w));
        return widest;
    }

    public override SpacePlan Measure(Size available)
    {
        var lines = Lines(available.Width);
        if (_firstLine >= lines.Count) return SpacePlan.Empty;
        var n = FittingLines(lines, available.Height, out var used);
        var width = lines.Skip(_firstLine).Take(Math.Max(n, 1)).Max(l => l.Width + l.Indent);
        if (n == 0) return SpacePlan.Wrap($"text line of {lines[_firstLine].Height:0.#} pt in {available.Height:0.#} pt: \"{Preview()}\"");
        return _firstLine + n == lines.Count ? SpacePlan.Full(width, used) : SpacePlan.Partial(width, used);
    }

    private string Preview()
    {
        var t = string.Concat(_runs.Select(r => r.Text));
        return t.Length > 40 ? t[..40] + "…" : t;
    }

    public override void Draw(SKCanvas canvas, Size available)
    {
        var lines = Lines(available.Width);
        var n = FittingLines(lines, available.Height, out _);
        if (!IsDiscard(canvas))
        {
            var y = 0f;
            for (var i = _firstLine; i < _firstLine + n; i++)
            {
                DrawLine(canvas, lines[i], y, available.Width);
                y += lines[i].Height;
            }
        }
        _firstLine += n;
    }

    private void DrawLine(SKCanvas canvas, Line line, float top, float width)
    {
        if (line.Words.Count == 0) return;
        var free = width - line.Indent - line.Width;
        var x = line.Indent + Align switch
        {
            TextAlign.Center => free / 2,
            TextAlign.Right => free,
            _ => 0,
        };
        var extraPerGap = Align == TextAlign.Justify && !line.EndsParagraph && line.Words.Count > 1 ? free / (line.Words.Count - 1) : 0;
        // Baseline: half the leading above the ascent, as word processors do.
        var size = line.Height / LineSpacing;
        var baseline = top + (line.Height - size * 1.15f) / 2 + line.Ascent;
        using var paint = new SKPaint { IsAntialias = true };
        for (var wi = 0; wi < line.Words.Count; wi++)
        {
            var word = line.Words[wi];
            var last = wi == line.Words.Count - 1;
            var px = x;
            for (var pi = 0; pi < word.Pieces.Count; pi++)
            {
                var piece = word.Pieces[pi];
                var font = Font(piece.Style);
                paint.Color = piece.Style.Color;
                // The trailing space is drawn (it is invisible) so extracted text keeps word breaks.
                var text = !last && pi == word.Pieces.Count - 1 ? piece.Text + " " : piece.Text;
                canvas.DrawText(text, px, baseline, SKTextAlign.Left, font, paint);
                if (piece.Style.Underline)
                {
                    using var ul = new SKPaint { Color = piece.Style.Color, StrokeWidth = Math.Max(0.5f, piece.Style.Size / 18), IsAntialias = true };
                    canvas.DrawLine(px, baseline + piece.Style.Size * 0.12f, px + piece.Width, baseline + piece.Style.Size * 0.12f, ul);
                }
                px += piece.Width;
            }
            x += word.Width + word.SpaceWidth + extraPerGap;
        }
    }

    public override IEnumerable<string> Texts() => _runs.Select(r => r.Text);

    /// <summary>The lines this paragraph breaks into at a width (for tests of wrapping).</summary>
    public IReadOnlyList<string> LineTexts(float width) =>
        Lines(width).Select(l => string.Join(" ", l.Words.Select(w => string.Concat(w.Pieces.Select(p => p.Text))))).ToList();
}
