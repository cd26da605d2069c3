using SkiaSharp;

namespace Analytics.Reports.Layout;

public sealed record TableColumnSpec(float Weight, TextAlign Align = TextAlign.Left, TextAlign HeaderAlign = TextAlign.Center);

public sealed record TableRowSpec(IReadOnlyList<string> Cells, bool Bold = false);

/// <summary>
/// A grid table that splits between rows across pages, never inside one, and repeats its header
/// row at the top of every page it continues on.
/// </summary>
public sealed class Table : Element
{
    private readonly IReadOnlyList<TableColumnSpec> _columns;
    private readonly IReadOnlyList<string> _header;
    private readonly IReadOnlyList<TableRowSpec> _rows;
    private readonly TextStyle _body;
    private readonly TextStyle _headerStyle;
    private int _nextRow;
    private float _cachedWidth = -1;
    private float[] _rowHeights = [];
    private float _headerHeight;

    public float CellPadding { get; init; } = 3f;
    public SKColor HeaderBackground { get; init; } = new(0xEE, 0xEE, 0xEE);
    public float LineSpacing { get; init; } = 1.15f;

    public Table(IReadOnlyList<TableColumnSpec> columns, IReadOnlyList<string> header, IReadOnlyList<TableRowSpec> rows, TextStyle body, TextStyle headerStyle)
    {
        if (header.Count != columns.Count) throw new ArgumentException("header cells ≠ columns");
        var bad = rows.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.Cells.Count != columns.Count);
        if (bad.r is not null) throw new ArgumentException($"row {bad.i + 1} has {bad.r.Cells.Count} cells, the table {columns.Count} columns");
        _columns = columns;
        _header = header;
        _rows = rows;
        _body = body;
        _headerStyle = headerStyle;
    }

    /// <summary>A table's first page shows at least this many rows (all when it has fewer); else it starts on the next page.</summary>
    public int MinRowsAtStart { get; init; } = 3;

    private float[]? _widths;
    private float _widthsFor = -1;

    /// <summary>
    /// Column widths from the content, as a browser's automatic table layout: each column gets at least
    /// its widest word (a number, date or code is never broken) and the space left is shared by how much
    /// more each column would like (its longest cell on one line). Weights only break ties.
    /// </summary>
    private float[] ColumnWidths(float width)
    {
        if (_widths is not null && Math.Abs(width - _widthsFor) < 0.01f) return _widths;
        var n = _columns.Count;
        var min = new float[n];
        var pref = new float[n];
        var pad = 2 * CellPadding + 1;
        for (var c = 0; c < n; c++)
        {
            min[c] = TextBlock.WidestWord(_header[c], _headerStyle) + pad;
            // A header may wrap, but it would rather not stack one word a line ("Số / ngày / quá / hạn").
            pref[c] = Math.Min(TextBlock.Width(_header[c], _headerStyle) + pad, 2 * min[c]);
            foreach (var r in _rows)
            {
                var style = r.Bold ? _body.With(bold: true) : _body;
                min[c] = Math.Max(min[c], TextBlock.WidestWord(r.Cells[c], style) + pad);
                pref[c] = Math.Max(pref[c], TextBlock.Width(r.Cells[c], style) + pad);
            }
            pref[c] = Math.Max(pref[c], min[c]);
        }
        float[] widths;
        var sumMin = min.Sum();
        var sumPref = pref.Sum();
        if (sumPref <= width)
        {
            // Everything fits on one line: the spare width goes to the columns by their weight.
            var weights = _columns.Sum(c => c.Weight);
            widths = pref.Select((p, c) => p + (width - sumPref) * _columns[c].Weight / weights).ToArray();
        }
        else if (sumMin <= width)
        {
            var want = sumPref - sumMin;
            widths = min.Select((m, c) => m + (width - sumMin) * (pref[c] - m) / want).ToArray();
        }
        else
            widths = min.Select(m => width * m / sumMin).ToArray(); // only here may a word break
        _widthsFor = width;
        return _widths = widths;
    }

    /// <summary>The widths the columns get at a table width (for tests).</summary>
    public IReadOnlyList<float> WidthsAt(float width) => ColumnWidths(width);

    private TextBlock Cell(string text, TextStyle style, TextAlign align) =>
        new(text, style) { Align = align, LineSpacing = LineSpacing };

    private float RowHeight(IReadOnlyList<string> cells, TextStyle style, float[] widths, bool header)
    {
        var h = 0f;
        for (var c = 0; c < cells.Count; c++)
        {
            var plan = Cell(cells[c], style, header ? _columns[c].HeaderAlign : _columns[c].Align)
                .Measure(new Size(widths[c] - 2 * CellPadding, float.PositiveInfinity));
            h = Math.Max(h, plan.Size.Height);
        }
        return h + 2 * CellPadding;
    }

    private void Prepare(float width)
    {
        if (Math.Abs(width - _cachedWidth) < 0.01f) return;
        var widths = ColumnWidths(width);
        _headerHeight = RowHeight(_header, _headerStyle, widths, true);
        _rowHeights = _rows.Select(r => RowHeight(r.Cells, r.Bold ? _body.With(bold: true) : _body, widths, false)).ToArray();
        _cachedWidth = width;
    }

    private int FittingRows(float height, out float used)
    {
        used = _headerHeight;
        var n = 0;
        for (var i = _nextRow; i < _rows.Count; i++)
        {
            if (used + _rowHeights[i] > height + 0.01f) break;
            used += _rowHeights[i];
            n++;
        }
        if (_nextRow == 0 && n < Math.Min(MinRowsAtStart, _rows.Count)) { used = _headerHeight; return 0; }
        return n;
    }

    public override SpacePlan Measure(Size available)
    {
        Prepare(available.Width);
        if (_nextRow >= _rows.Count && !(_rows.Count == 0 && _nextRow == 0)) return SpacePlan.Empty;
        if (_rows.Count == 0)
            return _headerHeight <= available.Height ? SpacePlan.Full(available.Width, _headerHeight) : SpacePlan.Wrap("table header");
        var n = FittingRows(available.Height, out var used);
        if (n == 0)
            return SpacePlan.Wrap($"table row {_nextRow + 1} ({_rowHeights[_nextRow]:0.#} pt) with its header ({_headerHeight:0.#} pt) in {available.Height:0.#} pt");
        // A table does not start with a row or two at a page foot: it starts on the next page.
        if (_nextRow == 0 && n < Math.Min(MinRowsAtStart, _rows.Count))
            return SpacePlan.Wrap($"table start: {n} of {_rows.Count} rows in {available.Height:0.#} pt");
        return _nextRow + n == _rows.Count ? SpacePlan.Full(available.Width, used) : SpacePlan.Partial(available.Width, used);
    }

    public override void Draw(SKCanvas canvas, Size available)
    {
        Prepare(available.Width);
        var plan = Measure(available);
        if (!plan.Draws) return;
        var n = _rows.Count == 0 ? 0 : FittingRows(available.Height, out _);
        if (!IsDiscard(canvas))
        {
            var widths = ColumnWidths(available.Width);
            using var fill = new SKPaint { Color = HeaderBackground, Style = SKPaintStyle.Fill };
            canvas.DrawRect(new SKRect(0, 0, available.Width, _headerHeight), fill);
            DrawRow(canvas, _header, _headerStyle, widths, 0, _headerHeight, true);
            var y = _headerHeight;
            for (var i = _nextRow; i < _nextRow + n; i++)
            {
                var r = _rows[i];
                DrawRow(canvas, r.Cells, r.Bold ? _body.With(bold: true) : _body, widths, y, _rowHeights[i], false);
                y += _rowHeights[i];
            }
            using var line = new SKPaint { Color = SKColors.Black, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke, IsAntialias = true };
            // Grid: outer frame, column rules, a rule under the header and under every row.
            canvas.DrawRect(new SKRect(0, 0, available.Width, y), line);
            var x = 0f;
            for (var c = 0; c < widths.Length - 1; c++) { x += widths[c]; canvas.DrawLine(x, 0, x, y, line); }
            var ry = _headerHeight;
            canvas.DrawLine(0, ry, available.Width, ry, line);
            for (var i = _nextRow; i < _nextRow + n; i++) { ry += _rowHeights[i]; canvas.DrawLine(0, ry, available.Width, ry, line); }
        }
        _nextRow += n;
        if (_rows.Count == 0) _nextRow = 1; // header-only table drawn once
    }

    private void DrawRow(SKCanvas canvas, IReadOnlyList<string> cells, TextStyle style, float[] widths, float y, float height, bool header)
    {
        var x = 0f;
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = Cell(cells[c], style, header ? _columns[c].HeaderAlign : _columns[c].Align);
            var inner = new Size(widths[c] - 2 * CellPadding, height - 2 * CellPadding);
            var dy = header ? (inner.Height - cell.Measure(new Size(inner.Width, float.PositiveInfinity)).Size.Height) / 2 : 0;
            canvas.Save();
            canvas.Translate(x + CellPadding, y + CellPadding + dy);
            cell.Draw(canvas, new Size(inner.Width, float.PositiveInfinity));
            canvas.Restore();
            x += widths[c];
        }
    }

    public override IEnumerable<string> Texts() => _header.Concat(_rows.SelectMany(r => r.Cells));
}
