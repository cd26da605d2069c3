using Analytics.Etl.Datasets;
using Analytics.Etl.Loading;
using Dapper;

namespace Analytics.Etl.Tests;

/// <summary>The unit_standards dataset (docs/contracts/unit_standards.md) and the region column of units.</summary>
public class UnitStandardsLoadTests
{
    private const string VietnameseFile = """
        Loại đơn vị,Vùng,Tiêu chí,Mức tối thiểu,Căn cứ
        Xã,,Dân số,16000,Nghị quyết 76/2025/UBTVQH15
        xã,Miền núi,diện tích (km2),50,Nghị quyết 76/2025/UBTVQH15
        Phường,,area_km2,5.5,Nghị quyết 76/2025/UBTVQH15
        """;

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public void Loads_with_Vietnamese_headers_labels_and_file_name(string format)
    {
        using var s = new Scratch();
        var path = s.Write("tiêu-chuẩn ĐVHC 2025.csv", VietnameseFile);
        if (format == "xlsx") path = DatasetHappyPathTests.CsvToXlsx(path);

        var file = Assert.Single(s.Load(path).Files);

        Assert.True(file.ErrorCount == 0, string.Join("\n", file.Errors.Select(e => $"{e.Line} {e.Column} {e.Value}: {e.ReasonEn}")));
        Assert.Equal(("unit_standards", LoadOutcome.Loaded, 3L), (file.Dataset, file.Outcome, file.Inserted));
        // an empty region is the every-region row ('*'), a written one is folded to its code
        Assert.Equal("phuong|*|area_km2|5.5 # xa|*|population|16000.0 # xa|mien_nui|area_km2|50.0",
            s.Query<string>("select string_agg(concat_ws('|', unit_type, region, criterion, minimum), ' # ' order by unit_type, region, criterion) from raw.unit_standards").Single());
        Assert.Equal(["Nghị quyết 76/2025/UBTVQH15"], s.Query<string>("select distinct source from raw.unit_standards"));
    }

    [Theory]
    [InlineData("unit_standards_2025.xlsx", "unit_standards")]
    [InlineData("tieu-chuan.csv", "unit_standards")]
    [InlineData("Tiêu chuẩn ĐVHC.xlsx", "unit_standards")]
    [InlineData("tieu_chuan_xa.csv", "unit_standards")]
    [InlineData("units_31.csv", "units")]
    [InlineData("unit.csv", null)]
    public void The_dataset_comes_from_the_file_name(string file, string? dataset) =>
        Assert.Equal(dataset, DatasetCatalog.FromFileName(file)?.Name);

    [Fact]
    public void Criteria_are_the_numeric_columns_of_units()
    {
        var numeric = DatasetCatalog.Units.Columns.Where(c => c.Type is ColumnType.Integer or ColumnType.Decimal).Select(c => c.Name);
        Assert.Equal(["population", "area_km2"], numeric);
        Assert.Equal(numeric, DatasetCatalog.UnitStandards.Column("criterion").Values.Select(v => v.Code));
    }

    [Fact]
    public void A_bad_file_is_refused_whole_with_each_error_named_and_changes_nothing()
    {
        using var s = new Scratch();
        s.Load(s.Write("unit_standards_ok.csv", "unit_type,criterion,minimum,source\nxa,population,16000,NQ 1\n"));
        var before = s.RawCounts();
        var path = s.Write("unit_standards.csv", """
            unit_type,region,criterion,minimum,source
            xa,,population,8000,
            tinh,,population,500000,NQ 1
            xa,,thu_nhap,10,NQ 1
            phuong,,area_km2,0,NQ 1
            xa,Miền núi,population,4000,NQ 1
            xa,mien_nui,population,4500,NQ 1
            xa,—,area_km2,20,NQ 1
            """);

        var file = Assert.Single(s.Load(path).Files);

        Assert.True(file.Refused);
        var errors = file.Errors.Select(e => (e.Line, e.Column, e.Value)).ToList();
        Assert.Equal(
        [
            (2, "source", null),            // the legal text is required
            (3, "unit_type", "tinh"),       // only xa, phuong, dac_khu have unit standards
            (4, "criterion", "thu_nhap"),   // not a numeric column of units
            (5, "minimum", "0"),            // a minimum of 0 would make every % infinite
            (7, "unit_type", "xa / mien_nui / population"),  // "Miền núi" (line 6) and mien_nui are one region: the key repeated
            (8, "region", "—"),             // no letters or digits
        ], errors.OrderBy(e => e.Line));
        Assert.All(file.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.ReasonVi) || string.IsNullOrWhiteSpace(e.ReasonEn)));
        Assert.Contains("lớn hơn 0", file.Errors.Single(e => e.Column == "minimum").ReasonVi);
        Assert.Contains("greater than 0", file.Errors.Single(e => e.Column == "minimum").ReasonEn);
        Assert.Contains("letters or digits", file.Errors.Single(e => e.Line == 8).ReasonEn);
        Assert.Equal(before, s.RawCounts());
    }

    [Fact]
    public void A_units_region_is_read_one_way_on_either_read_path_and_a_file_without_it_still_loads()
    {
        using var s = new Scratch();
        // canonical codes take the SQL read path; "Miền núi" needs the row rule, so that file takes the other;
        // both must store the same code
        var canonical = s.Load(s.Write("units_a.csv", "unit_code,unit_name,unit_type,parent_code,region\n98,Tỉnh Mẫu,tinh,,\n09801,Xã Bắc,xa,98,mien_nui\n")).Files.Single();
        var written = s.Load(s.Write("units_b.csv", "Mã đơn vị,Tên đơn vị,Loại đơn vị,Đơn vị cấp trên,Vùng\n09802,Xã Nam,xa,98,Miền  Núi\n09803,Phường Đông,phuong,98,\n")).Files.Single();
        var without = s.Load(s.Write("units_c.csv", "unit_code,unit_name,unit_type,parent_code\n09804,Xã Tây,xa,98\n")).Files.Single();

        Assert.All(new[] { canonical, written, without }, f => Assert.Equal(LoadOutcome.Loaded, f.Outcome));
        Assert.Equal("sql", canonical.ReadPath);
        Assert.Equal("09801=mien_nui # 09802=mien_nui # 09803=- # 09804=-",
            s.Query<string>("select string_agg(unit_code || '=' || coalesce(region, '-'), ' # ' order by unit_code) from raw.units where unit_code like '098%'").Single());
    }

    [Fact]
    public void A_warehouse_made_before_the_region_column_reloads_its_units_file_as_unchanged()
    {
        using var s = new Scratch { InMemory = false };
        var units = s.Write("units.csv", "unit_code,unit_name,unit_type,parent_code,population,area_km2\n98,Tỉnh Mẫu,tinh,,1200000,3500.5\n09801,Xã Bắc,xa,98,12000,\n");
        Assert.Equal(2, s.Load(units).Files.Single().Inserted);
        // put the warehouse back as migration 001 left it: no region column, rows hashed over the nine columns
        s.Connection.Execute("""
            alter table raw.units drop column region;
            update raw.units set row_hash = md5(concat_ws(chr(31),
                coalesce(cast(unit_code as varchar), chr(30)), coalesce(cast(unit_name as varchar), chr(30)),
                coalesce(cast(unit_type as varchar), chr(30)), coalesce(cast(parent_code as varchar), chr(30)),
                coalesce(cast(population as varchar), chr(30)), coalesce(cast(area_km2 as varchar), chr(30)),
                coalesce(cast(established as varchar), chr(30)), coalesce(cast(former_units as varchar), chr(30)),
                coalesce(cast(cluster as varchar), chr(30))));
            drop table raw.unit_standards;
            delete from meta.schema_version where version = 2;
            """);

        var again = s.Load(units).Files.Single(); // migrates to 002 first

        Assert.Equal((LoadOutcome.Unchanged, 0L, 0L, 2L), (again.Outcome, again.Inserted, again.Replaced, again.Unchanged));
        Assert.Equal(2L, s.Count("raw.units"));
        Assert.Equal(0L, s.Count("raw.unit_standards"));
    }
}
