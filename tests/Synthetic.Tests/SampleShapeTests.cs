using System.Text;
using Analytics.Synthetic;
using static Analytics.Tests.SampleFiles;

namespace Analytics.Synthetic.Tests;

/// <summary>The committed samples are what the generator writes, consistent with each other, and shaped like the review they stand for.</summary>
public class SampleShapeTests
{
    [Fact]
    public void Regenerating_with_the_default_seed_gives_the_committed_files_byte_for_byte()
    {
        var dir = Path.Combine(Path.GetTempPath(), "samples-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = SampleProvinceGenerator.Generate(dir);
            Assert.Equal(2, written.Count(f => f.EndsWith(".xlsx", StringComparison.Ordinal) && !f.Contains("templates", StringComparison.Ordinal)));
            Assert.Equal(9, written.Count(f => f.Contains(Path.Combine("templates", ""), StringComparison.Ordinal)));
            Assert.True(written.Count >= 27);
            foreach (var f in written)
            {
                var committed = Path.Combine(Dir, Path.GetRelativePath(dir, f));
                Assert.True(File.Exists(committed), $"{committed} is not committed");
                Assert.True(File.ReadAllBytes(committed).AsSpan().SequenceEqual(File.ReadAllBytes(f)), $"{committed} differs from a regeneration");
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Units_cover_both_cities_with_their_official_communes_in_clusters_and_all_34_provinces()
    {
        var units = Sample("units_31.csv").Concat(Sample("units_92.csv")).Concat(Sample("units_provinces.csv")).ToList();
        Assert.Equal(Provinces.All.Select(p => p.Code).Order(), units.Where(u => u["unit_type"] is "tinh" or "thanh_pho").Select(u => u["unit_code"]).Order());
        Assert.Equal(34, units.Count(u => u["unit_type"] is "tinh" or "thanh_pho"));
        Assert.Equal(114, units.Count(u => u.GetValueOrDefault("parent_code") == "31" && u["unit_type"] is "xa" or "phuong" or "dac_khu"));
        Assert.Equal(103, units.Count(u => u.GetValueOrDefault("parent_code") == "92" && u["unit_type"] is "xa" or "phuong" or "dac_khu"));
        Assert.InRange(units.Count(u => u.GetValueOrDefault("parent_code") == "31" && u["unit_type"] is "co_quan" or "dang_uy"), 20, 40);
        Assert.Contains(units, u => u["unit_code"] == "31S08" && u["unit_name"] == "Sở Nội vụ");
        foreach (var city in new[] { "31", "92" })
        {
            var communes = units.Where(u => u.GetValueOrDefault("parent_code") == city && u["unit_type"] is "xa" or "phuong" or "dac_khu").ToList();
            Assert.All(communes, c => Assert.False(string.IsNullOrEmpty(c["former_units"])));
            foreach (var g in communes.GroupBy(c => c["cluster"])) Assert.InRange(g.Count(), 4, 12);
        }
        var all = string.Concat(units.Select(u => u["unit_name"] + u.GetValueOrDefault("former_units")));
        Assert.True(all.IsNormalized(NormalizationForm.FormC));
        Assert.Contains("Phường Thành Đông", all);
    }

    [Theory]
    [InlineData("31", 2_500, 3_500)]
    [InlineData("92", 2_000, 3_200)]
    public void Tasks_at_31_May_2026_are_about_77_percent_completed_22_in_progress_1_overdue(string city, int min, int max)
    {
        var asOf = "2026-05-31";
        var units = Sample($"units_{city}.csv").Select(u => u["unit_code"]).ToHashSet();
        var tasks = Sample($"tasks_{city}.csv");
        Assert.InRange(tasks.Count, min, max);
        Assert.All(tasks, t =>
        {
            Assert.Contains(t["lead_unit"], units);
            foreach (var s in t["support_units"].Split(';', StringSplitOptions.RemoveEmptyEntries)) Assert.Contains(s, units);
        });
        var latest = Sample($"task_updates_{city}.csv").Where(u => string.CompareOrdinal(u["report_date"], asOf) <= 0)
            .GroupBy(u => u["task_id"]).ToDictionary(g => g.Key, g => g.MaxBy(u => u["report_date"])!);
        Assert.All(latest.Keys, id => Assert.Contains(tasks, t => t["task_id"] == id));
        int completed = 0, late = 0, overdue = 0, open = 0;
        foreach (var t in tasks)
        {
            var status = latest.TryGetValue(t["task_id"], out var u) ? u["status"] : "chua_thuc_hien";
            if (status == "huy") continue;
            if (status == "hoan_thanh")
            {
                completed++;
                if (t["due_date"] != "" && string.CompareOrdinal(u!["completed_date"], t["due_date"]) > 0) late++;
            }
            else if (t["due_date"] != "" && string.CompareOrdinal(t["due_date"], asOf) < 0) overdue++;
            else open++;
        }
        var total = (double)(completed + overdue + open);
        Assert.InRange(completed / total * 100, 76, 78);
        Assert.InRange(open / total * 100, 20.5, 23.5);
        Assert.InRange(overdue / total * 100, 0.5, 1.5);
        Assert.InRange(late / (double)completed * 100, 5, 20);
    }

    [Fact]
    public void Staffing_has_four_snapshots_of_about_40_officials_per_commune_with_shortages_in_the_scarce_specialties()
    {
        // Cần Thơ's latest appendix ships as XLSX (checked through the loader in SampleLoadTests)
        foreach (var (city, csvCount) in new[] { ("31", 4), ("92", 3) })
        {
            var files = Directory.GetFiles(Dir, $"staffing_{city}_*.csv").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(csvCount, files.Count);
            var communes = Sample($"units_{city}.csv").Where(u => u["unit_type"] is "xa" or "phuong" or "dac_khu").Select(u => u["unit_code"]).ToHashSet();
            foreach (var f in files)
            {
                var rows = Read(f);
                Assert.Equal(communes.Count, rows.Select(r => r["unit_code"]).Distinct().Count());
                Assert.All(rows, r => Assert.Contains(r["unit_code"], communes));
                var before = rows[0]["phase"] == "truoc_sap_xep";
                Assert.All(rows, r =>
                {
                    var actual = int.Parse(r["actual"]);
                    if (before) Assert.Equal("", r["from_old_district"]);
                    else Assert.True(int.Parse(r["from_old_district"]) + int.Parse(r["from_old_commune"]) <= actual);
                });
                Assert.InRange(rows.Sum(r => int.Parse(r["quota"])) / (double)communes.Count, 35, 45);
                var shortage = rows.GroupBy(r => r["specialty"])
                    .ToDictionary(g => g.Key, g => g.Sum(r => Math.Max(0, int.Parse(r["quota"]) - int.Parse(r["actual"]))));
                var top = shortage.OrderByDescending(kv => kv.Value).Take(5).Select(kv => kv.Key).ToList();
                Assert.All(top, s => Assert.Contains(s, new[] { "dat_dai", "cntt", "tai_chinh", "giao_duc", "y_te", "quy_hoach_xay_dung" }));
            }
        }
    }

    [Fact]
    public void Hai_Phong_is_first_on_PAR_INDEX_and_SIPAS_in_2025_and_top_5_on_PCI()
    {
        var rows = Sample("admin_indices.csv");
        string Rank(string index) => rows.Single(r => r["year"] == "2025" && r["index_code"] == index && r["unit_code"] == "31" && r["component"] == "TOTAL")["rank"];
        Assert.Equal("1", Rank("PAR_INDEX"));
        Assert.Equal("1", Rank("SIPAS"));
        Assert.InRange(int.Parse(Rank("PCI")), 2, 5);
        foreach (var g in rows.Where(r => r["component"] == "TOTAL").GroupBy(r => (r["year"], r["index_code"])))
        {
            var ordered = g.OrderBy(r => int.Parse(r["rank"])).ToList();
            Assert.Equal(34, ordered.Count);
            Assert.Equal(Enumerable.Range(1, 34).Select(i => i.ToString()), ordered.Select(r => r["rank"]));
            for (var i = 1; i < ordered.Count; i++) Assert.True(Num(ordered[i]["score"]) < Num(ordered[i - 1]["score"]));
        }
        // PAR INDEX components add up to the total
        var par = rows.Where(r => r["year"] == "2025" && r["index_code"] == "PAR_INDEX" && r["unit_code"] == "31").ToList();
        Assert.Equal(Num(par.Single(r => r["component"] == "TOTAL")["score"]), par.Where(r => r["component"] != "TOTAL").Sum(r => Num(r["score"])), 6);
        Assert.All(rows, r => Assert.True(Num(r["score"]) <= Num(r["max_score"])));
    }

    [Fact]
    public void Broken_files_each_carry_their_fault()
    {
        var broken = Path.Combine(Dir, "broken");
        var legacy = File.ReadAllBytes(Path.Combine(broken, "tasks_92_windows_1258_encoding.csv"));
        Assert.ThrowsAny<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(legacy));

        var staffing = Read(Directory.GetFiles(broken, "staffing_31_*_actual_below_old_district.csv").Single());
        Assert.Contains(staffing, r => int.Parse(r["actual"]) < int.Parse(r["from_old_district"]));

        var tasks = Read(Path.Combine(broken, "tasks_31_unknown_lead_unit.csv"));
        var units = Sample("units_31.csv").Select(u => u["unit_code"]).ToHashSet();
        Assert.Single(tasks, t => !units.Contains(t["lead_unit"]));

        Assert.All(Read(Path.Combine(broken, "revenue_31_us_number_format.csv")), r => Assert.Matches(@"^\d{1,3}(,\d{3})+\.\d$", r["amount_bn_vnd"]));

        var mismatch = Read(Path.Combine(broken, "revenue_92_parent_disagrees.csv"));
        var parent = Num(mismatch.Single(r => r["category"] == "tong_thu")["amount_bn_vnd"]);
        var children = mismatch.Where(r => r["category"] is "thu_noi_dia" or "thu_xuat_nhap_khau" or "thu_vien_tro").Sum(r => Num(r["amount_bn_vnd"]));
        Assert.True(Math.Abs(parent - children) > 0.5);
        var domestic = Num(mismatch.Single(r => r["category"] == "thu_noi_dia")["amount_bn_vnd"]);
        Assert.Equal(domestic, mismatch.Where(r => r["category"] is "thu_tien_su_dung_dat" or "thu_xo_so" or "thu_noi_dia_khac").Sum(r => Num(r["amount_bn_vnd"])), 6);
    }

    [Fact]
    public void Every_sample_csv_is_strict_utf8_in_NFC_with_Vietnamese_diacritics()
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        foreach (var f in Directory.GetFiles(Dir, "*.csv"))
        {
            var text = strict.GetString(File.ReadAllBytes(f));
            Assert.True(text.IsNormalized(NormalizationForm.FormC), $"{Path.GetFileName(f)} is not NFC");
            Assert.False(text.StartsWith('\uFEFF'), $"{Path.GetFileName(f)} has a BOM");
            Assert.DoesNotContain('\r', text);
        }
        // the directive of seed 000 (implementing 195-KL/TW): every commune reviews its staff by 10/10/2025
        var review = Sample("tasks_31.csv").Where(t => t["source_doc"] == "176-CV/TU" && t["clause"] == "1.(3)").ToList();
        Assert.Equal(114, review.Count);
        Assert.All(review, t =>
        {
            Assert.Equal("2025-10-10", t["due_date"]);
            Assert.StartsWith("Rà soát, đánh giá thực trạng đội ngũ cán bộ trước và sau sắp xếp", t["title"]);
        });
    }

    [Fact]
    public void Whole_samples_folder_stays_small()
    {
        var bytes = Directory.GetFiles(Dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.InRange(bytes, 1_000_000, 15_000_000);
    }
}
