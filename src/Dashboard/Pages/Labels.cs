using Analytics.Metrics;

namespace Analytics.Dashboard.Pages;

/// <summary>Vietnamese labels for the codes of INPUTS.md and for indicator units and statuses.</summary>
public static class Labels
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.Ordinal)
    {
        // position_group
        ["can_bo"] = "Cán bộ", ["cong_chuc"] = "Công chức", ["vien_chuc"] = "Viên chức", ["hop_dong"] = "Hợp đồng lao động",
        // specialty
        ["lanh_dao"] = "Lãnh đạo", ["van_phong"] = "Văn phòng, tổng hợp", ["dat_dai"] = "Đất đai",
        ["quy_hoach_xay_dung"] = "Quy hoạch, xây dựng", ["tai_chinh"] = "Tài chính, kế toán",
        ["cntt"] = "Công nghệ thông tin, chuyển đổi số", ["giao_duc"] = "Giáo dục", ["y_te"] = "Y tế",
        ["tu_phap"] = "Tư pháp, hộ tịch", ["van_hoa_xa_hoi"] = "Văn hóa, xã hội", ["kinh_te"] = "Kinh tế",
        ["nong_nghiep_moi_truong"] = "Nông nghiệp, môi trường", ["hanh_chinh_cong"] = "Trung tâm phục vụ hành chính công", ["khac"] = "Khác",
        // revenue category
        ["tong_thu"] = "Tổng thu NSNN trên địa bàn", ["thu_noi_dia"] = "Thu nội địa", ["thu_tien_su_dung_dat"] = "Thu tiền sử dụng đất",
        ["thu_xo_so"] = "Thu xổ số kiến thiết", ["thu_noi_dia_khac"] = "Thu nội địa khác", ["thu_xuat_nhap_khau"] = "Thu từ hoạt động xuất nhập khẩu",
        ["thu_dau_tho"] = "Thu từ dầu thô", ["thu_vien_tro"] = "Thu viện trợ",
        // target kind
        ["du_toan_trung_uong"] = "Dự toán Trung ương giao", ["du_toan_dia_phuong"] = "Dự toán HĐND giao", ["ke_hoach"] = "Kế hoạch",
        // index
        ["par_index"] = "PAR INDEX", ["sipas"] = "SIPAS", ["pci"] = "PCI",
    };

    private static readonly Dictionary<string, string> Dimensions = new(StringComparer.Ordinal)
    {
        ["lead_unit"] = "Đơn vị chủ trì", ["unit_code"] = "Đơn vị", ["specialty"] = "Lĩnh vực",
        ["position_group"] = "Nhóm", ["category"] = "Khoản thu", ["target_kind"] = "Loại chỉ tiêu", ["component"] = "Thành phần",
    };

    public static string Code(string code) => Codes.GetValueOrDefault(code, code);

    public static string Dimension(string dim) => Dimensions.GetValueOrDefault(dim, dim);

    public static string Area(string area) => area switch
    {
        "tasks" => "Nhiệm vụ",
        "staffing" => "Đội ngũ cán bộ",
        "indices" => "Cải cách hành chính",
        "revenue" => "Thu ngân sách, tăng trưởng",
        _ => area,
    };

    /// <summary>The unit word shown after a value ("người", "tỷ đồng"); empty for % and counts.</summary>
    public static string Unit(string unit) => unit switch
    {
        "people" => "người",
        "days" => "ngày",
        "score" => "điểm",
        "bn VND" => "tỷ đồng",
        "rank" => "",
        "ranks" => "bậc",
        _ => "",
    };

    /// <summary>A value in Vietnamese form, rounded for display by its unit.</summary>
    /// <summary>A growth or change indicator (catalogue "signed") reads with its sign: "+29,6%".</summary>
    public static string Value(double? v, string unit, bool signed) =>
        !signed || v is null ? Value(v, unit)
        : unit == "%" ? VietnameseFormat.SignedPercent(v, 1)
        : VietnameseFormat.Signed(v, Math.Abs(v.Value % 1) < 1e-9 ? 0 : 1);

    public static string Value(double? v, string unit) => unit switch
    {
        _ when v is null => "–",
        "%" => VietnameseFormat.Percent(v, 1),
        "count" or "people" or "rank" or "ranks" => VietnameseFormat.Number(v, Math.Abs(v.Value % 1) < 1e-9 ? 0 : 1),
        "bn VND" => VietnameseFormat.Number(v, Math.Abs(v.Value) >= 1000 ? 0 : 1),
        _ => VietnameseFormat.Number(v, 1),
    };

    /// <summary>A change between two values: percentage points for %, else the unit.</summary>
    public static string Change(double? now, double? before, string unit)
    {
        if (now is null || before is null) return "–";
        var d = now.Value - before.Value;
        return unit == "%" ? VietnameseFormat.Signed(d, 1) + " điểm %" : VietnameseFormat.Signed(d, unit is "count" or "people" or "rank" or "ranks" ? 0 : 1);
    }

    public static string Status(KpiStatus? s) => s switch
    {
        KpiStatus.Dat => "Đạt",
        KpiStatus.CanCoGang => "Cần cố gắng",
        KpiStatus.ChuaDat => "Chưa đạt",
        _ => "",
    };

    public static string StatusCss(KpiStatus? s) => s switch
    {
        KpiStatus.Dat => "dat",
        KpiStatus.CanCoGang => "can_co_gang",
        KpiStatus.ChuaDat => "chua_dat",
        _ => "",
    };
}
