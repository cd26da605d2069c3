namespace Analytics.Synthetic;

/// <summary>Invented communes for a province: Vietnamese-looking names, old districts, clusters, population and area.</summary>
public static class SyntheticCities
{
    private static readonly string[] Syllables =
    [
        "An", "Bình", "Phú", "Tân", "Hòa", "Long", "Thạnh", "Mỹ", "Phước", "Hưng", "Đông", "Tây", "Nam", "Bắc", "Trung",
        "Thuận", "Lộc", "Quang", "Hải", "Sơn", "Thủy", "Lâm", "Vĩnh", "Xuân", "Hiệp", "Thành", "Đức", "Nghĩa", "Hợp",
        "Kim", "Ngọc", "Minh", "Hồng", "Yên", "Cẩm", "Gia", "Đại", "Thượng", "Hạ", "Tiên", "Lạc", "Khánh", "Định",
        "Châu", "Điền", "Lương", "Quý", "Tường", "Hà", "Thái",
    ];

    public static CityModel Build(Province province, int communeCount, Rng rng)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        string Unique(string prefix)
        {
            for (var attempt = 0; ; attempt++)
            {
                var name = $"{prefix} {rng.Pick(Syllables)} {rng.Pick(Syllables)}";
                if (attempt > 50) name += $" {attempt}";
                if (names.Add(name)) return name;
            }
        }

        // old districts of 3–9 communes; the first ones urban (phường)
        var districts = new List<string>();
        var districtOf = new List<int>();
        while (districtOf.Count < communeCount)
        {
            var size = Math.Min(rng.Int(3, 9), communeCount - districtOf.Count);
            var urban = districts.Count < 2;
            districts.Add(Unique(urban ? "Quận" : rng.Chance(0.15) ? "Thị xã" : "Huyện"));
            for (var i = 0; i < size; i++) districtOf.Add(districts.Count - 1);
        }
        var clusters = CityModels.AssignClusters(districtOf.Select(d => districts[d]).ToList());
        var communes = new List<CommuneModel>(communeCount);
        var codeBase = int.Parse(province.Code) * 1000;
        for (var i = 0; i < communeCount; i++)
        {
            var urban = districts[districtOf[i]].StartsWith("Quận", StringComparison.Ordinal) || rng.Chance(0.1);
            var type = urban ? "phuong" : "xa";
            var name = Unique(urban ? "Phường" : "Xã");
            var former = Enumerable.Range(0, rng.Int(2, 4)).Select(_ => Unique(urban ? "Phường" : rng.Chance(0.2) ? "Thị trấn" : "Xã"));
            communes.Add(new CommuneModel(
                (codeBase + i + 1).ToString("00000", System.Globalization.CultureInfo.InvariantCulture), name, type,
                string.Join("; ", former), clusters[i],
                (long)Math.Round((urban ? rng.Range(18_000, 60_000) : rng.Range(11_000, 36_000)) / 10) * 10,
                Math.Round(urban ? rng.Range(4, 25) : rng.Range(18, 140), 2)));
        }
        var area = Math.Round(communes.Sum(c => c.AreaKm2), 2);
        var departments = CityModels.Departments(province.Code, port: false, mekong: false);
        if (province.Type == "tinh")
            departments = departments.Select(d => d with { Name = d.Name.Replace("Thành ủy", "Tỉnh ủy").Replace("thành phố", "tỉnh") }).ToList();
        return new CityModel(province, area, communes, departments);
    }
}
