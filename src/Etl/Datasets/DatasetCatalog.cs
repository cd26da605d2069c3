using System.Globalization;
using Analytics.Etl.Input;

namespace Analytics.Etl.Datasets;

/// <summary>The input datasets of contracts/INPUTS.md (and docs/contracts/unit_standards.md), each declared once.</summary>
public static class DatasetCatalog
{
    private static ColumnSpec Col(string name, ColumnType type, bool required, params string[] aliases) => new(name, type, required, aliases);

    private static readonly EnumValue[] UnitTypes =
    [
        new("tinh", "tỉnh"), new("thanh_pho", "thành phố trực thuộc TW", "thành phố trực thuộc trung ương", "thành phố"),
        new("xa", "xã"), new("phuong", "phường"), new("dac_khu", "đặc khu"),
        new("co_quan", "sở, ban, ngành, cơ quan", "cơ quan", "sở", "ban", "ngành"), new("dang_uy", "đảng ủy", "đảng uỷ"),
    ];

    /// <summary>Unit types that sit under another unit and so must name it.</summary>
    public static readonly string[] TypesWithParent = ["xa", "phuong", "dac_khu", "co_quan", "dang_uy"];

    private static readonly EnumValue[] RevenueCategories =
    [
        new("tong_thu", "tổng thu NSNN trên địa bàn", "tổng thu"), new("thu_noi_dia", "thu nội địa"),
        new("thu_tien_su_dung_dat", "thu tiền sử dụng đất"), new("thu_xo_so", "thu xổ số kiến thiết", "thu xổ số"),
        new("thu_noi_dia_khac", "thu nội địa khác"),
        new("thu_xuat_nhap_khau", "thu cân đối từ hoạt động xuất nhập khẩu", "thu xuất nhập khẩu"),
        new("thu_dau_tho", "thu từ dầu thô", "thu dầu thô"), new("thu_vien_tro", "thu viện trợ"),
    ];

    public static readonly DatasetSpec Units = new("units", "units", ["unit_code"],
    [
        Col("unit_code", ColumnType.Code, true, "ma_don_vi", "Mã đơn vị", "Mã ĐVHC", "Mã đơn vị hành chính"),
        Col("unit_name", ColumnType.Text, true, "ten_don_vi", "Tên đơn vị", "Tên đơn vị hành chính"),
        Col("unit_type", ColumnType.Enum, true, "loai", "Loại đơn vị") with { Values = UnitTypes },
        Col("parent_code", ColumnType.Code, false, "ma_don_vi_cap_tren", "Đơn vị cấp trên"),
        Col("population", ColumnType.Integer, false, "dan_so", "Dân số", "Dân số (người)") with { Min = 0 },
        Col("area_km2", ColumnType.Decimal, false, "dien_tich", "Diện tích (km2)", "Diện tích tự nhiên (km2)") with { Min = 0, MinExclusive = true },
        Col("established", ColumnType.Date, false, "ngay_thanh_lap", "Ngày thành lập"),
        Col("former_units", ColumnType.Text, false, "don_vi_cu", "Đơn vị trước sắp xếp"),
        Col("cluster", ColumnType.Text, false, "cum", "Cụm xã"),
        Col("region", ColumnType.Text, false, "vung", "Vùng", "Vùng, miền", "khu_vuc", "Khu vực"),
    ])
    {
        Order = 0,
        RowRule = UnitRule,
        SetChecks = [new("sql/load/check_units.sql")],
    };

    public static readonly DatasetSpec Tasks = new("tasks", "tasks", ["task_id"],
    [
        Col("task_id", ColumnType.Code, true, "ma_nhiem_vu", "Mã nhiệm vụ"),
        Col("source_doc", ColumnType.Text, true, "van_ban", "Văn bản giao"),
        Col("source_date", ColumnType.Date, true, "ngay_van_ban", "Ngày văn bản"),
        Col("clause", ColumnType.Text, false, "muc", "Mục"),
        Col("title", ColumnType.Text, true, "noi_dung", "Nội dung nhiệm vụ"),
        Col("lead_unit", ColumnType.Code, true, "don_vi_chu_tri", "Đơn vị chủ trì"),
        Col("support_units", ColumnType.CodeList, false, "don_vi_phoi_hop", "Đơn vị phối hợp"),
        Col("assigned_date", ColumnType.Date, false, "ngay_giao", "Ngày giao"),
        Col("due_kind", ColumnType.Enum, false, "loai_thoi_han", "Loại thời hạn") with
        {
            Values = [new("ngay", "ngày", "theo ngày"), new("thang", "tháng", "trong tháng"), new("quy", "quý", "trong quý"),
                      new("thuong_xuyen", "thường xuyên"), new("khong", "không", "không thời hạn")],
        },
        Col("due_date", ColumnType.Date, false, "han_hoan_thanh", "Hạn hoàn thành"),
        // Written by the task-extraction tool; read for review_note, never stored, never a warning.
        Col("confidence", ColumnType.Text, false, "do_tin_cay", "Độ tin cậy"),
        Col("review_note", ColumnType.Text, false, "ghi_chu_ra_soat", "Ghi chú rà soát"),
    ])
    {
        Order = 1,
        RowRule = TaskRule,
        SetChecks = [new("sql/load/check_tasks.sql", "units")],
    };

    public static readonly DatasetSpec TaskUpdates = new("task_updates", "task_updates", ["task_id", "report_date"],
    [
        Col("task_id", ColumnType.Code, true, "ma_nhiem_vu", "Mã nhiệm vụ"),
        Col("report_date", ColumnType.Date, true, "ngay_bao_cao", "Ngày báo cáo"),
        Col("status", ColumnType.Enum, true, "trang_thai", "Trạng thái", "Tình trạng thực hiện") with
        {
            Values = [new("chua_thuc_hien", "chưa thực hiện"), new("dang_thuc_hien", "đang thực hiện"), new("hoan_thanh", "hoàn thành"),
                      new("tam_dung", "tạm dừng"), new("huy", "hủy", "huỷ", "không thực hiện", "hủy / không thực hiện")],
        },
        Col("completed_date", ColumnType.Date, false, "ngay_hoan_thanh", "Ngày hoàn thành"),
        Col("progress_pct", ColumnType.Decimal, false, "tien_do", "Tiến độ (%)", "Tiến độ", "Tiến độ thực hiện (%)", "Tỷ lệ hoàn thành (%)") with { Min = 0, Max = 100 },
        Col("note", ColumnType.Text, false, "ghi_chu", "Ghi chú"),
    ])
    {
        Order = 2,
        RowRule = TaskUpdateRule,
        SetChecks = [new("sql/load/check_task_updates.sql", "tasks")],
    };

    public static readonly DatasetSpec Staffing = new("staffing", "staffing", ["snapshot_date", "unit_code", "position_group", "specialty"],
    [
        Col("snapshot_date", ColumnType.Date, true, "ngay_so_lieu", "Số liệu đến ngày", "Số liệu tính đến ngày", "Ngày số liệu", "Thời điểm báo cáo"),
        Col("phase", ColumnType.Enum, false, "giai_doan", "Giai đoạn") with
        {
            Values = [new("truoc_sap_xep", "trước sắp xếp"), new("sau_sap_xep", "sau sắp xếp")],
        },
        Col("unit_code", ColumnType.Code, true, "ma_don_vi", "Mã đơn vị", "Mã xã, phường", "Mã ĐVHC"),
        Col("position_group", ColumnType.Enum, true, "nhom", "Nhóm", "Nhóm vị trí", "Đối tượng") with
        {
            Values = [new("can_bo", "cán bộ"), new("cong_chuc", "công chức"), new("vien_chuc", "viên chức"),
                      new("hop_dong", "hợp đồng lao động", "hợp đồng")],
        },
        Col("specialty", ColumnType.Enum, true, "linh_vuc", "Lĩnh vực", "Lĩnh vực công tác") with
        {
            Values =
            [
                new("lanh_dao", "lãnh đạo"), new("van_phong", "văn phòng, tổng hợp", "văn phòng"), new("dat_dai", "đất đai"),
                new("quy_hoach_xay_dung", "quy hoạch, xây dựng"), new("tai_chinh", "tài chính, kế toán", "tài chính"),
                new("cntt", "công nghệ thông tin, chuyển đổi số", "công nghệ thông tin"), new("giao_duc", "giáo dục"),
                new("y_te", "y tế"), new("tu_phap", "tư pháp, hộ tịch", "tư pháp"), new("van_hoa_xa_hoi", "văn hóa, xã hội", "văn hoá, xã hội"),
                new("kinh_te", "kinh tế"), new("nong_nghiep_moi_truong", "nông nghiệp, môi trường"),
                new("hanh_chinh_cong", "trung tâm phục vụ hành chính công", "hành chính công"), new("khac", "khác"),
            ],
        },
        Col("quota", ColumnType.Integer, true, "bien_che", "Biên chế được giao", "Biên chế giao", "Số biên chế được giao", "Biên chế") with { Min = 0 },
        Col("actual", ColumnType.Integer, true, "co_mat", "Số có mặt", "Có mặt", "Số lượng có mặt", "Hiện có", "Số hiện có") with { Min = 0 },
        Col("from_old_district", ColumnType.Integer, false, "tu_cap_huyen_cu", "Từ cấp huyện (cũ)", "Từ cấp huyện cũ", "Từ cấp huyện") with { Min = 0 },
        Col("from_old_commune", ColumnType.Integer, false, "tu_cap_xa_cu", "Từ cấp xã (cũ)", "Từ cấp xã cũ", "Từ cấp xã") with { Min = 0 },
    ])
    {
        Order = 3,
        RowRule = StaffingRule,
        SetChecks = [new("sql/load/check_unit_exists.sql", "units")],
    };

    public static readonly DatasetSpec AdminIndices = new("admin_indices", "admin_indices", ["year", "index_code", "unit_code", "component"],
    [
        Col("year", ColumnType.Integer, true, "nam", "Năm") with { Min = 1900, Max = 2200 },
        // Codes beyond these three come from the indicator catalogue (src/Metrics), which Etl may not
        // reference; any code of capitals, digits and underscores loads, an unknown one with a warning.
        Col("index_code", ColumnType.Code, true, "chi_so", "Chỉ số"),
        Col("unit_code", ColumnType.Code, true, "ma_don_vi", "Mã đơn vị"),
        Col("component", ColumnType.Code, true, "thanh_phan", "Thành phần"),
        Col("score", ColumnType.Decimal, true, "diem", "Điểm") with { Min = 0 },
        Col("max_score", ColumnType.Decimal, false, "diem_toi_da", "Điểm tối đa") with { Min = 0, MinExclusive = true },
        Col("rank", ColumnType.Integer, false, "xep_hang", "Xếp hạng") with { Min = 1 },
        Col("rank_of", ColumnType.Integer, false, "so_don_vi_xep_hang", "Tổng số đơn vị xếp hạng") with { Min = 1 },
        Col("source", ColumnType.Text, false, "nguon", "Nguồn"),
    ])
    {
        Order = 4,
        RowRule = AdminIndexRule,
        SetChecks = [new("sql/load/check_unit_exists.sql", "units")],
    };

    public static readonly DatasetSpec Revenue = new("revenue", "revenue", ["year", "month", "unit_code", "category"],
    [
        Col("period", ColumnType.Month, true, "ky", "Tháng", "Kỳ báo cáo", "Tháng báo cáo"),
        Col("unit_code", ColumnType.Code, true, "ma_don_vi", "Mã đơn vị"),
        Col("category", ColumnType.Enum, true, "khoan_thu", "Khoản thu") with { Values = RevenueCategories },
        Col("amount_bn_vnd", ColumnType.Decimal, true, "so_tien_ty_dong", "Số tiền (tỷ đồng)", "Số thu (tỷ đồng)", "Thực hiện (tỷ đồng)"),
        Col("is_estimate", ColumnType.Boolean, false, "uoc_thuc_hien", "Ước thực hiện"),
    ])
    {
        Order = 5,
        DerivedColumns = ["year", "month"],
        RowRule = RevenueRule,
        SetChecks = [new("sql/load/check_unit_exists.sql", "units"), new("sql/load/check_revenue_tree.sql")],
    };

    public static readonly DatasetSpec RevenueTargets = new("revenue_targets", "revenue_targets", ["year", "unit_code", "category", "target_kind", "through_month"],
    [
        Col("year", ColumnType.Integer, true, "nam", "Năm") with { Min = 1900, Max = 2200 },
        Col("unit_code", ColumnType.Code, true, "ma_don_vi", "Mã đơn vị"),
        Col("category", ColumnType.Enum, true, "khoan_thu", "Khoản thu") with { Values = RevenueCategories },
        Col("target_kind", ColumnType.Enum, true, "loai_chi_tieu", "Loại chỉ tiêu") with
        {
            Values = [new("du_toan_trung_uong", "dự toán Trung ương giao", "dự toán trung ương"),
                      new("du_toan_dia_phuong", "dự toán HĐND giao", "dự toán địa phương"),
                      new("ke_hoach", "kế hoạch", "kịch bản tăng trưởng", "phấn đấu")],
        },
        Col("through_month", ColumnType.Integer, false, "den_thang", "Lũy kế đến tháng", "Luỹ kế đến tháng") with { Min = 1, Max = 12 },
        Col("amount_bn_vnd", ColumnType.Decimal, true, "so_tien_ty_dong", "Số tiền (tỷ đồng)") with { Min = 0, MinExclusive = true },
    ])
    {
        Order = 6,
        RowRule = c => c["through_month"] ??= 12L,
        SetChecks = [new("sql/load/check_unit_exists.sql", "units")],
    };

    public static readonly DatasetSpec Grdp = new("grdp", "grdp", ["period", "unit_code"],
    [
        Col("period", ColumnType.GrdpPeriod, true, "ky", "Kỳ"),
        Col("unit_code", ColumnType.Code, true, "ma_don_vi", "Mã đơn vị"),
        Col("growth_pct", ColumnType.Decimal, true, "tang_truong", "Tốc độ tăng trưởng (%)"),
        Col("value_bn_vnd", ColumnType.Decimal, false, "quy_mo_ty_dong", "Quy mô (tỷ đồng)") with { Min = 0, MinExclusive = true },
        Col("rank_national", ColumnType.Integer, false, "xep_hang_ca_nuoc", "Xếp hạng cả nước") with { Min = 1 },
    ])
    {
        Order = 7,
        DerivedColumns = ["year", "period_kind", "period_start", "period_end"],
        RowRule = GrdpRule,
        SetChecks = [new("sql/load/check_unit_exists.sql", "units")],
    };

    public static readonly DatasetSpec KpiTargets = new("kpi_targets", "kpi_targets", ["indicator_id", "unit_code"],
    [
        Col("indicator_id", ColumnType.Code, true, "chi_tieu", "Chỉ tiêu"),
        Col("unit_code", ColumnType.Code, true, "ma_don_vi", "Mã đơn vị"),
        Col("green_at", ColumnType.Decimal, true, "nguong_dat", "Ngưỡng đạt"),
        Col("amber_at", ColumnType.Decimal, false, "nguong_canh_bao", "Ngưỡng cảnh báo"),
    ])
    {
        Order = 8,
        RowRule = KpiTargetRule,
        SetChecks = [new("sql/load/check_kpi_unit.sql", "units")],
    };

    /// <summary>
    /// The minimum a commune-level unit must reach on a criterion (Nghị quyết về tiêu chuẩn của đơn vị
    /// hành chính): the office writes the figures of the resolution that applies, the product holds none.
    /// A criterion is a numeric column of units, so a new one there is a criterion here too.
    /// </summary>
    public static readonly DatasetSpec UnitStandards = new("unit_standards", "unit_standards", ["unit_type", "region", "criterion"],
    [
        Col("unit_type", ColumnType.Enum, true, "loai", "Loại đơn vị") with { Values = UnitTypes.Where(t => t.Code is "xa" or "phuong" or "dac_khu").ToArray() },
        Col("region", ColumnType.Text, false, "vung", "Vùng", "Vùng, miền", "khu_vuc", "Khu vực"),
        Col("criterion", ColumnType.Enum, true, "tieu_chi", "Tiêu chí", "Tiêu chuẩn") with
        {
            Values = Units.Columns.Where(c => c.Type is ColumnType.Integer or ColumnType.Decimal).Select(c => new EnumValue(c.Name, c.Aliases)).ToArray(),
        },
        Col("minimum", ColumnType.Decimal, true, "muc_toi_thieu", "Mức tối thiểu", "Tối thiểu") with { Min = 0, MinExclusive = true },
        Col("source", ColumnType.Text, true, "nguon", "Nguồn", "Căn cứ", "Văn bản quy định"),
    ])
    {
        Order = 9,
        RowRule = UnitStandardRule,
    };

    public static IReadOnlyList<DatasetSpec> All { get; } = [Units, Tasks, TaskUpdates, Staffing, AdminIndices, Revenue, RevenueTargets, Grdp, KpiTargets, UnitStandards];

    public static DatasetSpec? ByName(string name) => All.FirstOrDefault(d => d.Name == name.Trim().ToLowerInvariant());

    /// <summary>The dataset a file name announces by its prefix, English or Vietnamese (longest prefix wins:
    /// revenue_targets before revenue). Compared without case, diacritics or the difference between '_', '-'
    /// and ' ', so "bien-che_31.xlsx", "Biên chế 31.xlsx" and "staffing_31.csv" all name staffing.</summary>
    public static DatasetSpec? FromFileName(string path)
    {
        var name = FileNameKey(Path.GetFileName(path));
        return All.SelectMany(d => VietnamesePrefixes.GetValueOrDefault(d.Name, []).Append(d.Name).Select(p => (Spec: d, Prefix: FileNameKey(p))))
            .Where(x => name.StartsWith(x.Prefix, StringComparison.Ordinal))
            .OrderByDescending(x => x.Prefix.Length)
            .Select(x => x.Spec)
            .FirstOrDefault();
    }

    /// <summary>The Vietnamese file name prefix to show clerks as an example ("bien-che" for staffing).</summary>
    public static string VietnameseFilePrefix(string dataset) => VietnamesePrefixes.GetValueOrDefault(dataset, [dataset])[0];

    /// <summary>The Vietnamese file name prefixes clerks use, besides the English dataset names.</summary>
    private static readonly Dictionary<string, string[]> VietnamesePrefixes = new(StringComparer.Ordinal)
    {
        ["units"] = ["don-vi", "danh-muc-don-vi"],
        ["tasks"] = ["nhiem-vu"],
        ["task_updates"] = ["tien-do-nhiem-vu", "cap-nhat-nhiem-vu", "tien-do"],
        ["staffing"] = ["bien-che", "can-bo", "doi-ngu-can-bo"],
        ["admin_indices"] = ["chi-so"],
        ["revenue"] = ["thu-ngan-sach", "thu-nsnn"],
        ["revenue_targets"] = ["du-toan", "ke-hoach-thu", "du-toan-thu"],
        ["grdp"] = ["tang-truong"],
        ["kpi_targets"] = ["nguong-danh-gia", "nguong"],
        ["unit_standards"] = ["tieu-chuan"],
    };

    /// <summary>"Biên chế_31.xlsx" → "bien-che-31.xlsx": lower case, no diacritics (đ → d), '_' and spaces as '-'.</summary>
    private static string FileNameKey(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length);
        foreach (var ch in name.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            sb.Append(ch switch { 'đ' or 'Đ' => 'd', '_' or ' ' => '-', _ => char.ToLowerInvariant(ch) });
        }
        return sb.ToString();
    }

    // ---- row rules: the cross-column rules of INPUTS.md ----

    private static void UnitRule(RowContext c)
    {
        if (c.Text("unit_type") is { } type && TypesWithParent.Contains(type) && c.Text("parent_code") is null && c.Usable("parent_code"))
            c.Error("parent_code", $"đơn vị loại {type} phải có đơn vị cấp trên", $"a unit of type {type} must name its parent unit");
        if (c.Text("parent_code") is { } parent && parent == c.Text("unit_code"))
            c.Error("parent_code", "đơn vị không thể là cấp trên của chính nó", "a unit cannot be its own parent");
        RegionRule(c, allowAll: false);
    }

    /// <summary>
    /// A region is free text read one way: without diacritics, lower case, each run of other characters
    /// an underscore ("Miền núi" and "mien_nui" are the same region), so the units file and the
    /// standards file name a region alike however each was typed.
    /// </summary>
    public static string? RegionCode(string? text)
    {
        if (text is null) return null;
        var folded = System.Text.RegularExpressions.Regex.Replace(VietnameseFold.Fold(text), "[^a-z0-9]+", "_").Trim('_');
        return folded.Length == 0 ? null : folded;
    }

    private static void RegionRule(RowContext c, bool allowAll)
    {
        if (c.Text("region") is not { } text) return;
        if (allowAll && text.Trim() == "*") return;
        if (RegionCode(text) is { } code) c["region"] = code;
        else c.Error("region", "vùng phải có chữ hoặc số (vd. mien_nui, dong_bang, do_thi)", "a region needs letters or digits (e.g. mien_nui, dong_bang, do_thi)");
    }

    private static void UnitStandardRule(RowContext c)
    {
        RegionRule(c, allowAll: true);
        // an empty region is the row for every region; the key needs a value, as kpi_targets' '*'
        if (c.Usable("region") && c.Text("region") is null) c["region"] = "*";
    }

    private static void TaskRule(RowContext c)
    {
        if (!string.IsNullOrWhiteSpace(c.Text("review_note")))
            c.Error("review_note", "dòng cần rà soát trước khi nạp: kiểm tra rồi xóa nội dung review_note",
                "row flagged for review: clear review_note after checking");

        var assigned = c.Get<DateOnly>("assigned_date") ?? c.Get<DateOnly>("source_date");
        if (c.Usable("assigned_date")) c["assigned_date"] = assigned;
        var due = c.Get<DateOnly>("due_date");
        if (!c.Usable("due_kind") || !c.Usable("due_date")) return;
        var kind = c.Text("due_kind") ?? (due is null ? "khong" : "ngay");
        c["due_kind"] = kind;
        switch (kind)
        {
            case "ngay" or "thang" or "quy" when due is null:
                c.Error("due_date", $"thời hạn loại {kind} cần hạn hoàn thành", $"due_kind {kind} needs a due_date");
                break;
            case "thang" when due!.Value.Day != DateTime.DaysInMonth(due.Value.Year, due.Value.Month):
                c.Error("due_date", "hạn loại tháng phải là ngày cuối tháng", "for due_kind thang the due_date must be the last day of its month");
                break;
            case "quy" when due!.Value.Month % 3 != 0 || due.Value.Day != DateTime.DaysInMonth(due.Value.Year, due.Value.Month):
                c.Error("due_date", "hạn loại quý phải là ngày cuối quý (31/3, 30/6, 30/9, 31/12)",
                    "for due_kind quy the due_date must be the last day of its quarter (31/3, 30/6, 30/9, 31/12)");
                break;
            case "thuong_xuyen" or "khong" when due is not null:
                c.Error("due_date", $"nhiệm vụ loại {kind} không có hạn hoàn thành; để trống ô này",
                    $"a task of due_kind {kind} has no due_date; leave it empty");
                break;
        }
        if (due is not null && assigned is not null && due < assigned && c.Usable("assigned_date"))
            c.Error("due_date", $"hạn hoàn thành trước ngày giao ({Iso(assigned)})", $"due_date is before assigned_date ({Iso(assigned)})");
    }

    private static void TaskUpdateRule(RowContext c)
    {
        var status = c.Text("status");
        var completed = c.Get<DateOnly>("completed_date");
        var report = c.Get<DateOnly>("report_date");
        if (status is null || !c.Usable("completed_date")) return;
        if (status == "hoan_thanh" && completed is null)
            c.Error("completed_date", "trạng thái hoàn thành cần ngày hoàn thành", "status hoan_thanh needs a completed_date");
        else if (status != "hoan_thanh" && completed is not null)
            c.Error("completed_date", $"chỉ ghi ngày hoàn thành khi trạng thái là hoan_thanh (đang là {status})",
                $"completed_date must be empty unless status is hoan_thanh (it is {status})");
        else if (completed is not null && report is not null && completed > report)
            c.Error("completed_date", $"ngày hoàn thành sau ngày báo cáo ({Iso(report)})", $"completed_date is after report_date ({Iso(report)})");
    }

    private static void StaffingRule(RowContext c)
    {
        var actual = c.Get<long>("actual");
        var district = c.Get<long>("from_old_district");
        var commune = c.Get<long>("from_old_commune");
        if (actual is null) return;
        if (district > actual)
            c.Error("from_old_district", $"lớn hơn số có mặt ({actual})", $"more than actual ({actual})");
        if (commune > actual)
            c.Error("from_old_commune", $"lớn hơn số có mặt ({actual})", $"more than actual ({actual})");
        else if (district <= actual && (district ?? 0) + (commune ?? 0) > actual)
            c.Error("from_old_commune", $"từ cấp huyện cũ ({district}) cộng từ cấp xã cũ ({commune}) lớn hơn số có mặt ({actual})",
                $"from_old_district ({district}) plus from_old_commune ({commune}) is more than actual ({actual})");
    }

    private static readonly string[] KnownIndices = ["PAR_INDEX", "SIPAS", "PCI"];

    private static void AdminIndexRule(RowContext c)
    {
        if (c.Text("index_code") is { } raw)
        {
            var code = VietnameseFold.Fold(raw).Replace(' ', '_').ToUpperInvariant();
            if (!System.Text.RegularExpressions.Regex.IsMatch(code, "^[A-Z][A-Z0-9_]*$"))
                c.Error("index_code", "mã chỉ số chỉ gồm chữ, số và dấu gạch dưới (vd. PAR_INDEX, SIPAS, PCI)",
                    "an index code is letters, digits and underscores (e.g. PAR_INDEX, SIPAS, PCI)");
            else
            {
                c["index_code"] = code;
                if (!KnownIndices.Contains(code))
                    c.Warn("index_code", $"mã chỉ số {code} không phải PAR_INDEX, SIPAS, PCI; cần có trong danh mục chỉ tiêu",
                        $"index code {code} is not PAR_INDEX, SIPAS or PCI; it must be declared in the indicator catalogue");
            }
        }
        var score = c.Get<double>("score");
        var max = c.Get<double>("max_score");
        if (score is not null && max is not null && score > max)
            c.Error("score", $"điểm lớn hơn điểm tối đa ({Invariant(max.Value)})", $"score is above max_score ({Invariant(max.Value)})");
        var rank = c.Get<long>("rank");
        var of = c.Get<long>("rank_of");
        if (rank is not null && of is not null && rank > of)
            c.Error("rank", $"xếp hạng lớn hơn tổng số đơn vị xếp hạng ({of})", $"rank is above rank_of ({of})");
    }

    private static void RevenueRule(RowContext c)
    {
        if (c.Get<DateOnly>("period") is { } month)
        {
            c["year"] = (long)month.Year;
            c["month"] = (long)month.Month;
        }
        if (c.Get<double>("amount_bn_vnd") is < 0)
            c.Warn("amount_bn_vnd", "số thu âm trong tháng (hoàn thuế ròng); đã nạp, hãy kiểm tra",
                "a negative month (net refunds); loaded, please check");
    }

    private static void GrdpRule(RowContext c)
    {
        if (c.Text("period") is not { } period) return;
        var year = int.Parse(period[..4], CultureInfo.InvariantCulture);
        var suffix = period.Length > 4 ? period[5..] : "";
        var (kind, start, end) = suffix switch
        {
            "" => ("year", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
            "9M" => ("nine_months", new DateOnly(year, 1, 1), new DateOnly(year, 9, 30)),
            "H1" => ("half", new DateOnly(year, 1, 1), new DateOnly(year, 6, 30)),
            "H2" => ("half", new DateOnly(year, 7, 1), new DateOnly(year, 12, 31)),
            _ => ("quarter", new DateOnly(year, (suffix[1] - '1') * 3 + 1, 1),
                  new DateOnly(year, (suffix[1] - '0') * 3, 1).AddMonths(1).AddDays(-1)),
        };
        c["year"] = (long)year;
        c["period_kind"] = kind;
        c["period_start"] = start;
        c["period_end"] = end;
    }

    /// <summary>Area prefixes of the indicator catalogue ids.</summary>
    public static readonly string[] IndicatorAreas = ["tasks", "staffing", "par_index", "sipas", "pci", "revenue", "grdp", "units"];

    private static void KpiTargetRule(RowContext c)
    {
        // The catalogue itself lives in src/Metrics, which Etl must not reference (data flows one way),
        // so an id is checked by its form (area.name) and its area prefix only; the metrics layer
        // ignores a target whose id it does not define.
        if (c.Text("indicator_id") is { } id)
        {
            var parts = id.Split('.');
            if (parts.Length != 2 || !System.Text.RegularExpressions.Regex.IsMatch(parts[1], "^[a-z][a-z0-9_]*$") || !IndicatorAreas.Contains(parts[0]))
                c.Error("indicator_id", $"mã chỉ tiêu phải có dạng lĩnh_vực.tên với lĩnh vực là {string.Join(", ", IndicatorAreas)} (vd. tasks.on_time_rate)",
                    $"an indicator id is area.name with area one of {string.Join(", ", IndicatorAreas)} (e.g. tasks.on_time_rate)");
        }
    }

    private static string Invariant(double v) => v.ToString(CultureInfo.InvariantCulture);
    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
