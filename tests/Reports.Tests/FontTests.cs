using Analytics.Reports.Briefing;
using Analytics.Reports.Fonts;
using Analytics.Reports.Rendering;
using SkiaSharp;

namespace Analytics.Reports.Tests;

public class FontTests
{
    [Fact]
    public void Resolved_family_is_a_preferred_serif_covering_every_vietnamese_letter()
    {
        var fonts = FontResolver.Resolve();
        Assert.Contains(fonts.Family, FontResolver.PreferredFamilies);
        foreach (var face in new[] { fonts.Regular, fonts.Bold, fonts.Italic, fonts.BoldItalic })
            Assert.All(FontResolver.VietnameseAlphabet, c => Assert.NotEqual(0, face.GetGlyph(c)));
        Assert.True(fonts.Bold.IsBold);
        Assert.True(fonts.Italic.IsItalic);
    }

    [Fact]
    public void A_same_named_font_without_vietnamese_is_passed_over()
    {
        // Debian's fonts-liberation 1.x is also called "Liberation Serif" but has no Vietnamese letters.
        var old = "/usr/share/fonts/truetype/liberation";
        if (!File.Exists(Path.Combine(old, "LiberationSerif-Regular.ttf"))) return; // nothing to confuse on this machine
        var e = Assert.Throws<InvalidOperationException>(() => FontResolver.Resolve([old]));
        Assert.Contains("fonts-liberation2", e.Message);
        Assert.Contains("Liberation Serif", e.Message);
    }

    private static FontSet WithoutVietnamese()
    {
        // Stands in for a font lacking Vietnamese: everything outside Basic Latin is "missing".
        var real = FontResolver.Resolve();
        return new FontSet("Fake Latin Serif", real.Regular, real.Bold, real.Italic, real.BoldItalic, hasGlyph: cp => cp < 0x80);
    }

    [Fact]
    public void Missing_glyphs_fail_loudly_naming_them_and_the_fix()
    {
        var doc = BriefingContent.Build(SampleBriefing.HaiPhong(5), new BriefingOptions());
        var renderer = new PdfRenderer(new PartyTheme(WithoutVietnamese()));
        using var output = new MemoryStream();
        var e = Assert.Throws<MissingGlyphsException>(() => renderer.Render(doc, output));
        Assert.Equal(0, output.Length); // nothing written
        Assert.Contains("Fake Latin Serif", e.Message);
        Assert.Contains("'Đ' (U+0110)", e.Message);
        Assert.Contains("'ệ' (U+1EC7)", e.Message);
        Assert.Contains("apt-get install fonts-liberation2", e.Message);
    }

    [Fact]
    public void A_real_font_file_without_vietnamese_is_caught_too()
    {
        var path = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf";
        if (!File.Exists(path)) return; // fonts-liberation 1.x not installed here; the fake above covers the rule
        var tf = SKTypeface.FromFile(path);
        var fonts = new FontSet("Liberation Serif 1.x", tf, tf, tf, tf);
        var e = Assert.Throws<MissingGlyphsException>(() => fonts.EnsureCovers(["Thành ủy Hải Phòng"]));
        Assert.Contains("U+1EE7", e.Message); // ủ
    }
}
