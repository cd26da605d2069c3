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

    private float[] ColumnWidths(float width)
    {
        var sum = _columns.Sum(c => c.Weight);
        return _columns.Select(c => width * c.Weight / sum).ToArray();
    }

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
