namespace Analytics.Synthetic;

/// <summary>A commune-level unit as the generators use it.</summary>
public sealed record CommuneModel(
    string Code, string Name, string Type, string FormerUnits, string Cluster, long Population, double AreaKm2);

/// <summary>A department (co_quan) or Party committee (dang_uy) of a city, with the topics it leads on.</summary>
public sealed record DepartmentModel(string Code, string Name, string Type, IReadOnlyList<string> Topics);

/// <summary>A province or city with the units below it.</summary>
public sealed record CityModel(
    Province Province, double AreaKm2, IReadOnlyList<CommuneModel> Communes, IReadOnlyList<DepartmentModel> Departments)
{
    public long Population => Communes.Sum(c => c.Population);
}

/// <summary>Builds city models: from the official commune lists, or invented for synthetic scales.</summary>
public static class CityModels
{
    /// <summary>
    /// Hải Phòng / Cần Thơ from the official list. Clusters (cụm xã) group neighbouring communes by
    /// old district, 6–10 to a cluster. Population and area are invented (no trusted source), scaled
    /// to the city's published order of magnitude.
    /// </summary>
    public static CityModel FromReference(Province province, IReadOnlyList<ReferenceCommune> list, long cityPopulation,
        double cityArea, IReadOnlyList<DepartmentModel> departments, ulong seed)
    {
        var rng = Rng.For(seed, "communes/" + province.Code);
        var clusters = AssignClusters(list.Select(c => c.OldDistricts.Count > 0 ? c.OldDistricts[0] : "").ToList());
        var rawPop = new double[list.Count];
        var rawArea = new double[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            var c = list[i];
            var parts = Math.Max(1, c.MergedFrom.Count);
            (rawPop[i], rawArea[i]) = c.Type switch
            {
                "phuong" => (rng.Range(9000, 16000) * parts, rng.Range(2.5, 8) * parts),
                // island districts: few people (Bạch Long Vĩ about a thousand, Cát Hải some tens of thousands)
                "dac_khu" => (c.MergedFrom.Count <= 1 ? rng.Range(800, 1500) : rng.Range(3500, 5000) * parts, rng.Range(3, 80) * parts),
                _ => (rng.Range(6500, 11000) * parts, rng.Range(9, 18) * parts),
            };
        }
        var popScale = cityPopulation / rawPop.Sum();
        var areaScale = cityArea / rawArea.Sum();
        var communes = new List<CommuneModel>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var c = list[i];
            communes.Add(new CommuneModel(c.Code, c.Name, c.Type,
                FormerUnits(c),
                clusters[i],
                (long)Math.Round(rawPop[i] * popScale / 10) * 10,
                Math.Round(rawArea[i] * areaScale, 2)));
        }
        return new CityModel(province, cityArea, communes, departments);
    }

    /// <summary>
    /// The merged units' names without the "[Nhập toàn bộ]" notes; a unit made from a whole old
    /// district (Bạch Long Vĩ, whose list is only a bracketed note) names that district.
    /// </summary>
    private static string FormerUnits(ReferenceCommune c)
    {
        var names = c.MergedFrom.Where(m => !m.StartsWith('[')).Select(ReferenceCommunes.WithoutMergeNote).ToList();
        return string.Join("; ", names.Count > 0 ? names : c.OldDistricts);
    }

    /// <summary>Consecutive old districts packed into clusters of 6–10 communes, named "Cụm 01", "Cụm 02", ….</summary>
    public static string[] AssignClusters(IReadOnlyList<string> oldDistrictOfCommune)
    {
        var order = new List<string>();
        var members = new Dictionary<string, List<int>>();
        for (var i = 0; i < oldDistrictOfCommune.Count; i++)
        {
            var d = oldDistrictOfCommune[i];
            if (!members.TryGetValue(d, out var l)) { members[d] = l = []; order.Add(d); }
            l.Add(i);
        }
        var result = new string[oldDistrictOfCommune.Count];
        var current = new List<int>();
        var n = 0;
        void Flush()
        {
            if (current.Count == 0) return;
            n++;
            foreach (var i in current) result[i] = $"Cụm {n:00}";
            current.Clear();
        }
        foreach (var d in order)
        {
            var m = members[d];
            if (current.Count >= 6 || current.Count + m.Count > 10) Flush();
            current.AddRange(m);
        }
        // a short last cluster joins the one before it
        if (current.Count < 4 && n > 0) { foreach (var i in current) result[i] = $"Cụm {n:00}"; current.Clear(); }
        Flush();
        return result;
    }

    /// <summary>The departments and Party committees of a city (codes like 31S01, 31D01; names per the 2025 structure).</summary>
    public static IReadOnlyList<DepartmentModel> Departments(string code, bool port, bool mekong)
    {
        var list = new List<(string Name, string Type, string[] Topics)>
        {
            ("Văn phòng Thành ủy", "co_quan", ["tong_hop"]),
            ("Ban Tổ chức Thành ủy", "co_quan", ["to_chuc"]),
            ("Ban Tuyên giáo và Dân vận Thành ủy", "co_quan", ["dan_van"]),
            ("Ủy ban Kiểm tra Thành ủy", "co_quan", ["kiem_tra"]),
            ("Ban Nội chính Thành ủy", "co_quan", ["kiem_tra"]),
            ("Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân thành phố", "co_quan", ["tong_hop"]),
            ("Văn phòng Ủy ban nhân dân thành phố", "co_quan", ["tong_hop", "cai_cach_hanh_chinh"]),
            ("Sở Nội vụ", "co_quan", ["to_chuc", "cai_cach_hanh_chinh"]),
            ("Sở Tài chính", "co_quan", ["tai_chinh", "kinh_te"]),
            ("Sở Tư pháp", "co_quan", ["tu_phap"]),
            ("Sở Xây dựng", "co_quan", ["xay_dung"]),
            ("Sở Nông nghiệp và Môi trường", "co_quan", ["dat_dai", "nong_nghiep"]),
            ("Sở Khoa học và Công nghệ", "co_quan", ["cntt"]),
            ("Sở Giáo dục và Đào tạo", "co_quan", ["giao_duc"]),
            ("Sở Y tế", "co_quan", ["y_te"]),
            ("Sở Văn hóa, Thể thao và Du lịch", "co_quan", ["van_hoa"]),
            ("Sở Công Thương", "co_quan", ["kinh_te"]),
            ("Sở Ngoại vụ", "co_quan", ["kinh_te"]),
            ("Thanh tra thành phố", "co_quan", ["kiem_tra"]),
            ("Trung tâm Phục vụ hành chính công thành phố", "co_quan", ["cai_cach_hanh_chinh", "cntt"]),
            ("Công an thành phố", "co_quan", ["an_ninh"]),
            ("Bộ Chỉ huy Quân sự thành phố", "co_quan", ["an_ninh"]),
            ("Ủy ban Mặt trận Tổ quốc Việt Nam thành phố", "co_quan", ["dan_van"]),
            ("Thuế thành phố", "co_quan", ["tai_chinh"]),
        };
        if (port)
        {
            list.Add(("Ban Quản lý Khu kinh tế Hải Phòng", "co_quan", ["kinh_te"]));
            list.Add(("Chi cục Hải quan khu vực III", "co_quan", ["tai_chinh"]));
            list.Add(("Trường Chính trị Tô Hiệu", "co_quan", ["to_chuc"]));
        }
        if (mekong)
        {
            list.Add(("Sở Dân tộc và Tôn giáo", "co_quan", ["dan_van"]));
            list.Add(("Ban Quản lý các Khu chế xuất và công nghiệp thành phố", "co_quan", ["kinh_te"]));
        }
        var result = new List<DepartmentModel>();
        var s = 0;
        foreach (var d in list) result.Add(new DepartmentModel($"{code}S{++s:00}", d.Name, d.Type, d.Topics));
        (string Name, string[] Topics)[] committees =
        [
            ("Đảng ủy Ủy ban nhân dân thành phố", ["tong_hop", "to_chuc", "kinh_te"]),
            ("Đảng ủy các cơ quan Đảng thành phố", ["to_chuc"]),
            ("Đảng ủy Hội đồng nhân dân thành phố", ["tong_hop"]),
            ("Đảng ủy Mặt trận Tổ quốc Việt Nam thành phố", ["dan_van"]),
        ];
        var k = 0;
        foreach (var c in committees) result.Add(new DepartmentModel($"{code}D{++k:00}", c.Name, "dang_uy", c.Topics));
        return result;
    }
}
