namespace Analytics.Reports.Briefing;

/// <summary>Vietnamese names for the codes of the input contract (INPUTS.md) as readers see them.</summary>
public static class Labels
{
    public static readonly IReadOnlyDictionary<string, string> RevenueCategories = new Dictionary<string, string>
    {
        ["tong_thu"] = "Tổng thu",
        ["thu_noi_dia"] = "Thu nội địa",
        ["thu_tien_su_dung_dat"] = "Thu tiền sử dụng đất",
        ["thu_xo_so"] = "Thu xổ số kiến thiết",
        ["thu_noi_dia_khac"] = "Thu nội địa khác",
        ["thu_xuat_nhap_khau"] = "Thu xuất nhập khẩu",
        ["thu_dau_tho"] = "Thu từ dầu thô",
        ["thu_vien_tro"] = "Thu viện trợ",
    };

    public static readonly IReadOnlyDictionary<string, string> Specialties = new Dictionary<string, string>
    {
        ["lanh_dao"] = "Lãnh đạo",
        ["van_phong"] = "Văn phòng, tổng hợp",
        ["dat_dai"] = "Đất đai",
        ["quy_hoach_xay_dung"] = "Quy hoạch, xây dựng",
        ["tai_chinh"] = "Tài chính, kế toán",
        ["cntt"] = "Công nghệ thông tin",
        ["giao_duc"] = "Giáo dục",
        ["y_te"] = "Y tế",
        ["tu_phap"] = "Tư pháp, hộ tịch",
        ["van_hoa_xa_hoi"] = "Văn hóa, xã hội",
        ["kinh_te"] = "Kinh tế",
        ["nong_nghiep_moi_truong"] = "Nông nghiệp, môi trường",
        ["hanh_chinh_cong"] = "Hành chính công",
        ["khac"] = "Khác",
    };

    /// <summary>The datasets of INPUTS.md as the sources annex names them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Datasets = new Dictionary<string, string>
    {
        ["units"] = "Danh mục đơn vị",
        ["tasks"] = "Nhiệm vụ được giao",
        ["task_updates"] = "Tiến độ nhiệm vụ",
        ["staffing"] = "Biên chế, cán bộ",
        ["admin_indices"] = "PAR INDEX, SIPAS, PCI",
        ["revenue"] = "Thu ngân sách",
        ["revenue_targets"] = "Dự toán, kế hoạch thu",
        ["grdp"] = "Tăng trưởng GRDP",
        ["kpi_targets"] = "Mục tiêu các chỉ tiêu",
        ["unit_standards"] = "Tiêu chuẩn đơn vị hành chính",
    };

    /// <summary>Indicator id prefix → the name readers know.</summary>
    public static readonly IReadOnlyList<(string Prefix, string Name)> Indices =
        [("par_index", "PAR INDEX"), ("sipas", "SIPAS"), ("pci", "PCI")];

    public static string Of(IReadOnlyDictionary<string, string> map, string code) => map.TryGetValue(code, out var v) ? v : code;
}
