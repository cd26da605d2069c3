using Analytics.TaskExtraction;

namespace Analytics.TaskExtraction.Tests;

public sealed class UnitDirectoryTests
{
    [Theory]
    [InlineData("Đảng uỷ Ủy ban nhân dân thành phố", "31S08")]
    [InlineData("Đảng ủy UBND TP", "31S08")]
    [InlineData("ĐU UBND thành phố", "31S08")]
    [InlineData("Ban TCTU", "31S05")]
    [InlineData("Ban Tổ chức Thành uỷ", "31S05")]
    [InlineData("BTV Thành ủy", "31S02")]
    [InlineData("BTVTU", "31S02")]
    [InlineData("VPTU", "31S04")]
    [InlineData("Đảng ủy MTTQ VN TP", "31S10")]
    [InlineData("Đảng ủy Mặt trận Tổ quốc thành phố", "31S10")]
    [InlineData("UBND thành phố", "31S12")]          // the table says "Ủy ban nhân dân thành phố Hải Phòng"
    [InlineData("Ủy ban nhân dân thành phố Hải Phòng", "31S12")]
    [InlineData("Trường Chính trị Tô Hiệu", "31S11")]
    public void Aliases_and_spellings_resolve_to_the_unit(string written, string code)
    {
        var tokens = VietnameseFold.Tokens(written);
        var match = TaskFixtures.HaiPhong.MatchAt(written, tokens, 0);
        Assert.NotNull(match);
        Assert.Equal(code, match!.Unit.Code);
    }

    [Theory]
    [InlineData("tư pháp")]      // folds to "tu", but TU is an abbreviation and must be written TU
    [InlineData("Ban hành quy chế")]
    [InlineData("Các sở, ngành")]
    [InlineData("Sở Tư pháp")]   // not in the table
    public void Words_that_only_look_like_units_resolve_to_nothing(string written)
    {
        var tokens = VietnameseFold.Tokens(written);
        Assert.Null(TaskFixtures.HaiPhong.MatchAt(written, tokens, 0));
    }

    [Fact]
    public void Units_file_with_vietnamese_headers_and_semicolons_is_read()
    {
        var units = TaskFixtures.CanTho;
        Assert.Contains(units.Units, u => u is { Code: "92S11", Name: "Sở Nội vụ", Type: "co_quan", ParentCode: "92S10" });
    }
}
