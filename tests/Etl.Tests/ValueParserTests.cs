using Analytics.Etl.Datasets;
using Analytics.Etl.Input;

namespace Analytics.Etl.Tests;

public class ValueParserTests
{
    private static readonly ColumnSpec Dec = new("x", ColumnType.Decimal);
    private static readonly ColumnSpec Int = new("n", ColumnType.Integer);

    private static object? Parse(ColumnSpec c, string text, NumberLocale locale = NumberLocale.Invariant, CellKind kind = CellKind.Text)
    {
        var v = ValueParser.Parse(c, new Cell(text, kind), locale, out var problem);
        return problem is null ? v : "ERROR";
    }

    [Theory]
    [InlineData("197810", 197810.0)]
    [InlineData("134.2", 134.2)]
    [InlineData("-3.5", -3.5)]
    [InlineData(" 12 ", 12.0)]
    public void Invariant_numbers(string text, double expected) => Assert.Equal(expected, Parse(Dec, text));

    [Theory]
    [InlineData("1,234.5")]
    [InlineData("134,2")]
    [InlineData("1 234")]
    [InlineData("12abc")]
    [InlineData("1e5")]
    public void Invariant_mode_refuses_what_it_cannot_read_unambiguously(string text) => Assert.Equal("ERROR", Parse(Dec, text));

    [Theory]
    [InlineData("197.810", 197810.0)]
    [InlineData("134,2", 134.2)]
    [InlineData("1.234.567,5", 1234567.5)]
    [InlineData("12", 12.0)]
    [InlineData("-0,5", -0.5)]
    public void Vietnamese_numbers(string text, double expected) => Assert.Equal(expected, Parse(Dec, text, NumberLocale.Vietnamese));

    [Theory]
    [InlineData("1.5")]
    [InlineData("1,234.5")]
    [InlineData("1.23.456")]
    [InlineData("12.34,5")]
    public void Vietnamese_mode_refuses_ambiguous_forms(string text) => Assert.Equal("ERROR", Parse(Dec, text, NumberLocale.Vietnamese));

    [Fact]
    public void Typed_xlsx_numbers_ignore_the_locale() =>
        Assert.Equal(134.2, Parse(Dec, "134.2", NumberLocale.Vietnamese, CellKind.Number));

    [Fact]
    public void Integers_must_be_whole_and_within_range()
    {
        Assert.Equal(1234L, Parse(Int, "1.234", NumberLocale.Vietnamese));
        Assert.Equal("ERROR", Parse(Int, "1.5"));
        Assert.Equal("ERROR", Parse(Int with { Min = 0 }, "-1"));
        Assert.Equal("ERROR", Parse(Dec with { Min = 0, MinExclusive = true }, "0"));
        Assert.Equal(100.0, Parse(Dec with { Max = 100 }, "100"));
        Assert.Equal("ERROR", Parse(Dec with { Max = 100 }, "100.01"));
    }

    [Theory]
    [InlineData("2025-07-01", "2025-07-01")]
    [InlineData("01/07/2025", "2025-07-01")]
    [InlineData("2/6/2026", "2026-06-02")]
    [InlineData("31/12/2025", "2025-12-31")]
    public void Dates(string text, string iso) => Assert.Equal(DateOnly.Parse(iso), Parse(new ColumnSpec("d", ColumnType.Date), text));

    [Theory]
    [InlineData("12/31/2025")]
    [InlineData("2025/07/01")]
    [InlineData("2025-02-30")]
    [InlineData("1-7-2025")]
    [InlineData("45000")]
    public void Not_dates(string text) => Assert.Equal("ERROR", Parse(new ColumnSpec("d", ColumnType.Date), text));

    [Fact]
    public void A_plain_number_cell_is_not_a_date() =>
        Assert.Equal("ERROR", Parse(new ColumnSpec("d", ColumnType.Date), "45000", kind: CellKind.Number));

    [Theory]
    [InlineData("2025-03", "2025-03-01")]
    [InlineData("03/2025", "2025-03-01")]
    [InlineData("3/2025", "2025-03-01")]
    public void Months(string text, string iso) => Assert.Equal(DateOnly.Parse(iso), Parse(new ColumnSpec("p", ColumnType.Month), text));

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025")]
    [InlineData("13/2025")]
    public void Not_months(string text) => Assert.Equal("ERROR", Parse(new ColumnSpec("p", ColumnType.Month), text));

    [Theory]
    [InlineData("2025", "2025")]
    [InlineData("2025-q1", "2025-Q1")]
    [InlineData("2025-H2", "2025-H2")]
    [InlineData("2025-9m", "2025-9M")]
    [InlineData("2025-Q5", "ERROR")]
    [InlineData("Q1/2025", "ERROR")]
    public void Grdp_periods(string text, string expected) => Assert.Equal(expected, Parse(new ColumnSpec("p", ColumnType.GrdpPeriod), text));

    [Theory]
    [InlineData("có", true)]
    [InlineData("Không", false)]
    [InlineData("TRUE", true)]
    [InlineData("0", false)]
    public void Booleans(string text, bool expected) => Assert.Equal(expected, Parse(new ColumnSpec("b", ColumnType.Boolean), text));

    [Theory]
    [InlineData("công chức", "cong_chuc")]
    [InlineData("CONG_CHUC", "cong_chuc")]
    [InlineData(" Hợp đồng lao động ", "hop_dong")]
    [InlineData("Văn phòng, tổng hợp", "van_phong")]
    [InlineData("Công nghệ thông tin, chuyển đổi số", "cntt")]
    public void Enums_match_codes_and_Vietnamese_labels(string text, string code)
    {
        var col = DatasetCatalog.Staffing.Columns.First(c => c.Name == (code is "cong_chuc" or "hop_dong" ? "position_group" : "specialty"));
        Assert.Equal(code, Parse(col, text));
    }

    [Theory]
    [InlineData("Đơn vị cấp trên", "don vi cap tren")]
    [InlineData("  Mã   ĐVHC ", "ma dvhc")]
    [InlineData("ma_don_vi", "ma don vi")]
    [InlineData("Diện tích (km2)", "dien tich (km2)")]
    public void Folding_ignores_case_diacritics_and_spacing(string text, string folded) => Assert.Equal(folded, VietnameseFold.Fold(text));

    [Fact]
    public void Codes_keep_leading_zeros_and_are_trimmed() =>
        Assert.Equal("00031", Parse(new ColumnSpec("c", ColumnType.Code), " 00031 "));
}
