using Analytics.Reports.Fonts;
using Analytics.Reports.Layout;
using SkiaSharp;

namespace Analytics.Reports.Rendering;

/// <summary>The Party document format in points (Hướng dẫn 36-HD/VPTW; Quy định 399-QĐ/TW keeps the look).</summary>
public sealed record PartyTheme(FontSet Fonts)
{
    public PageSetup Page { get; init; } = PageSetup.PartyA4;
    public float Body { get; init; } = 14;
    public float Small { get; init; } = 12;
    public float Table { get; init; } = 11;
    public float FirstLineIndent { get; init; } = PageSetup.Mm(10);
    public float LineSpacing { get; init; } = 1.3f;
    public float ParagraphGap { get; init; } = 4;

    public TextStyle Text(float? size = null, bool bold = false, bool italic = false, bool underline = false) =>
        new(Fonts, size ?? Body, bold, italic, underline);

    public static readonly SKColor StatusGood = new(0x2E, 0x7D, 0x32);
    public static readonly SKColor StatusWarn = new(0xE0, 0xA1, 0x00);
    public static readonly SKColor StatusBad = new(0xC6, 0x28, 0x28);
    public static readonly SKColor TileBorder = new(0xB0, 0xB0, 0xB0);
}
