using System.Globalization;
using Analytics.Etl.Datasets;
using Analytics.Etl.Input;

namespace Analytics.Synthetic;

/// <summary>
/// One workbook per dataset as a commune or department office fills the template in Excel, built
/// from rows of the Hải Phòng sample CSVs so they agree with the rest of data-samples/: the issuing
/// body and the title block above the table ("ĐẢNG ỦY PHƯỜNG …", "BIỂU THỐNG KÊ …", "(Kèm theo …)"),
/// an STT column, headings over two rows with merged cells ("Số lượng" over "Biên chế được giao" and
/// "Có mặt"), the column-number row "(1) (2) …", Roman-numeral group rows, values written once for
/// several rows in a vertically merged cell, "Cộng" and "Tổng cộng" rows, percent-formatted cells,
/// and the place, date and signatures below. The loader reads them (TableSource) and says what it
/// skipped; `analytics generate --scale samples` writes them to data-samples/templates/.
/// </summary>
public static class OfficeTemplates
{
    /// <summary>A column of the table: the dataset column, its heading, the heading above it (merged over a run), whether totals add it up.</summary>
    private sealed record Column(string Name, string Heading, string? Over = null, bool Sum = false, bool MergeDown = false);

    private sealed record Template(
        string Dataset, string File, string Sheet, string Source, Func<Dictionary<string, string>, bool> Rows, int MaxRows,
        string Issuer, string Title, string Attachment, string Place, string Signer, Column[] Columns, string? GroupBy = null);

    private static readonly Template[] All =
    [
        new("units", "units_31_danh_muc.xlsx", "Danh mục", "units_31.csv", r => r["unit_code"] is "31" or "10507" or "10525" or "10532" or "10537", 5,
            "THÀNH ỦY HẢI PHÒNG", "DANH MỤC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ SAU SẮP XẾP", "(Kèm theo Báo cáo số 112-BC/BTCTU ngày 05/4/2026 của Ban Tổ chức Thành ủy)",
            "Hải Phòng", "TRƯỞNG BAN",
            [new("unit_code", "Mã đơn vị (*)"), new("unit_name", "Tên đơn vị (*)"), new("unit_type", "Loại đơn vị", MergeDown: true),
             new("parent_code", "Đơn vị cấp trên", MergeDown: true), new("population", "Dân số (người)"), new("area_km2", "Diện tích (km2)"),
             new("established", "Ngày thành lập", MergeDown: true), new("former_units", "Đơn vị trước sắp xếp"), new("cluster", "Cụm xã", MergeDown: true)],
            GroupBy: "unit_type"),
        new("tasks", "tasks_31_10507_nhiem_vu.xlsx", "Nhiệm vụ", "tasks_31.csv", r => r["lead_unit"] == "10507", 4,
            "ĐẢNG ỦY PHƯỜNG THÀNH ĐÔNG", "BIỂU THEO DÕI NHIỆM VỤ ĐƯỢC GIAO", "(Kèm theo Báo cáo số 15-BC/ĐU ngày 05/4/2026 của Đảng ủy phường Thành Đông)",
            "Phường Thành Đông", "BÍ THƯ",
            [new("task_id", "Mã nhiệm vụ (*)"), new("source_doc", "Văn bản giao", "Văn bản", MergeDown: true), new("source_date", "Ngày văn bản", "Văn bản", MergeDown: true),
             new("clause", "Mục"), new("title", "Nội dung nhiệm vụ"), new("lead_unit", "Đơn vị chủ trì", MergeDown: true), new("support_units", "Đơn vị phối hợp"),
             new("assigned_date", "Ngày giao"), new("due_kind", "Loại thời hạn", "Thời hạn"), new("due_date", "Hạn hoàn thành", "Thời hạn")],
            GroupBy: "source_doc"),
        new("task_updates", "task_updates_31_10507_tien_do.xlsx", "Tiến độ", "task_updates_31.csv", r => r["task_id"] is "31-T00100" or "31-T00245", 6,
            "ĐẢNG ỦY PHƯỜNG THÀNH ĐÔNG", "BIỂU TỔNG HỢP TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ", "(Kèm theo Báo cáo số 16-BC/ĐU ngày 05/4/2026 của Đảng ủy phường Thành Đông)",
            "Phường Thành Đông", "BÍ THƯ",
            [new("task_id", "Mã nhiệm vụ", MergeDown: true), new("report_date", "Ngày báo cáo"), new("status", "Tình trạng thực hiện"),
             new("completed_date", "Ngày hoàn thành"), new("progress_pct", "Tiến độ (%)"), new("note", "Ghi chú")]),
        new("staffing", "staffing_31_10507_bien_che.xlsx", "Biểu 01", "staffing_31_2026-03-31.csv", r => r["unit_code"] == "10507", 12,
            "ĐẢNG ỦY PHƯỜNG THÀNH ĐÔNG", "BIỂU THỐNG KÊ SỐ LƯỢNG CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC", "(Kèm theo Báo cáo số 14-BC/ĐU ngày 05/4/2026 của Đảng ủy phường Thành Đông)",
            "Phường Thành Đông", "CHỦ TỊCH",
            [new("snapshot_date", "Số liệu đến ngày", MergeDown: true), new("phase", "Giai đoạn", MergeDown: true), new("unit_code", "Mã đơn vị (*)", MergeDown: true),
             new("position_group", "Nhóm", MergeDown: true), new("specialty", "Lĩnh vực công tác"),
             new("quota", "Biên chế được giao", "Số lượng", Sum: true), new("actual", "Có mặt", "Số lượng", Sum: true),
             new("from_old_district", "Từ cấp huyện (cũ)", "Trong đó", Sum: true), new("from_old_commune", "Từ cấp xã (cũ)", "Trong đó", Sum: true)],
            GroupBy: "position_group"),
        new("admin_indices", "admin_indices_31_chi_so.xlsx", "Chỉ số", "admin_indices.csv", r => r["unit_code"] == "31" && r["year"] == "2024", 9,
            "SỞ NỘI VỤ THÀNH PHỐ HẢI PHÒNG", "BIỂU KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", "(Kèm theo Báo cáo số 40-BC/SNV ngày 05/4/2026 của Sở Nội vụ)",
            "Hải Phòng", "GIÁM ĐỐC",
            [new("year", "Năm", MergeDown: true), new("index_code", "Chỉ số", MergeDown: true), new("unit_code", "Mã đơn vị", MergeDown: true), new("component", "Thành phần"),
             new("score", "Điểm", "Kết quả"), new("max_score", "Điểm tối đa", "Kết quả"), new("rank", "Xếp hạng", "Xếp hạng"), new("rank_of", "Tổng số đơn vị xếp hạng", "Xếp hạng"),
             new("source", "Nguồn")],
            GroupBy: "index_code"),
        new("revenue", "revenue_31_thu_ngan_sach.xlsx", "Thu NSNN", "revenue_31.csv", r => r["period"] == "2026-05", 12,
            "SỞ TÀI CHÍNH THÀNH PHỐ HẢI PHÒNG", "BIỂU THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN", "(Kèm theo Báo cáo số 88-BC/STC ngày 05/6/2026 của Sở Tài chính)",
            "Hải Phòng", "GIÁM ĐỐC",
            [new("period", "Tháng", MergeDown: true), new("unit_code", "Mã đơn vị", MergeDown: true), new("category", "Khoản thu"),
             new("amount_bn_vnd", "Số tiền (tỷ đồng)"), new("is_estimate", "Ước thực hiện")]),
        new("revenue_targets", "revenue_targets_31_du_toan.xlsx", "Dự toán", "revenue_targets_31.csv", r => r["year"] == "2026", 12,
            "SỞ TÀI CHÍNH THÀNH PHỐ HẢI PHÒNG", "BIỂU DỰ TOÁN THU NGÂN SÁCH NĂM 2026", "(Kèm theo Báo cáo số 89-BC/STC ngày 05/6/2026 của Sở Tài chính)",
            "Hải Phòng", "GIÁM ĐỐC",
            [new("year", "Năm", MergeDown: true), new("unit_code", "Mã đơn vị", MergeDown: true), new("category", "Khoản thu"), new("target_kind", "Loại chỉ tiêu", MergeDown: true),
             new("through_month", "Lũy kế đến tháng"), new("amount_bn_vnd", "Số tiền (tỷ đồng)")],
            GroupBy: "target_kind"),
        new("grdp", "grdp_31_tang_truong.xlsx", "GRDP", "grdp.csv", r => r["unit_code"] == "31", 12,
            "CỤC THỐNG KÊ THÀNH PHỐ HẢI PHÒNG", "BIỂU TĂNG TRƯỞNG TỔNG SẢN PHẨM TRÊN ĐỊA BÀN (GRDP)", "(Kèm theo Báo cáo số 21-BC/CTK ngày 05/6/2026 của Cục Thống kê)",
            "Hải Phòng", "CỤC TRƯỞNG",
            [new("period", "Kỳ"), new("unit_code", "Mã đơn vị", MergeDown: true), new("growth_pct", "Tốc độ tăng trưởng (%)"),
             new("value_bn_vnd", "Quy mô (tỷ đồng)"), new("rank_national", "Xếp hạng cả nước")]),
        new("kpi_targets", "kpi_targets_31_nguong.xlsx", "Ngưỡng", "kpi_targets.csv", _ => true, 8,
            "THÀNH ỦY HẢI PHÒNG", "BIỂU NGƯỠNG ĐÁNH GIÁ CÁC CHỈ TIÊU", "(Kèm theo Kế hoạch số 75-KH/TU ngày 05/4/2026 của Thành ủy)",
            "Hải Phòng", "TM. BAN THƯỜNG VỤ",
            [new("indicator_id", "Chỉ tiêu"), new("unit_code", "Mã đơn vị"), new("green_at", "Ngưỡng đạt", "Ngưỡng"), new("amber_at", "Ngưỡng cảnh báo", "Ngưỡng")]),
    ];

    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

    /// <summary>Writes every template into outDir from the sample CSVs of samplesDir; returns the paths.</summary>
    public static IReadOnlyList<string> Write(string samplesDir, string outDir)
    {
        Directory.CreateDirectory(outDir);
        return All.Select(t => WriteOne(t, samplesDir, outDir)).ToList();
    }

    private static string WriteOne(Template t, string samplesDir, string outDir)
    {
        var spec = DatasetCatalog.ByName(t.Dataset)!;
        var lines = File.ReadAllLines(Path.Combine(samplesDir, t.Source));
        var header = SampleWorkbooks.SplitCsv(lines[0]);
        var records = lines.Skip(1).Select(l => header.Zip(SampleWorkbooks.SplitCsv(l)).ToDictionary(p => p.First, p => p.Second))
            .Where(t.Rows).Take(t.MaxRows).ToList();
        var groups = t.GroupBy is null ? [("", records)]
            : records.GroupBy(r => r[t.GroupBy]).Select(g => (g.Key, g.ToList())).ToList();

        var width = t.Columns.Length + 1;
        var last = XlsxWriter.ColumnName(width - 1);
        var rows = new List<IReadOnlyList<object?>?>();
        var merges = new List<string>();
        object?[] Row() => new object?[width];

        var r1 = Row(); r1[0] = t.Issuer; r1[Math.Max(3, width - 4)] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"; rows.Add(r1);
        merges.Add("A1:C1");
        var r2 = Row(); r2[0] = "*"; r2[Math.Max(3, width - 4)] = "Độc lập - Tự do - Hạnh phúc"; rows.Add(r2);
        var r3 = Row(); r3[0] = t.Title; rows.Add(r3); merges.Add($"A3:{last}3");
        var r4 = Row(); r4[0] = t.Attachment; rows.Add(r4); merges.Add($"A4:{last}4");
        rows.Add(null);

        // headings: row 6 (and row 7 under a heading that spans columns)
        var twoRows = t.Columns.Any(c => c.Over is not null);
        var top = Row();
        var bottom = Row();
        top[0] = "STT";
        if (twoRows) merges.Add("A6:A7");
        for (var i = 0; i < t.Columns.Length; i++)
        {
            var c = t.Columns[i];
            var col = XlsxWriter.ColumnName(i + 1);
            if (c.Over is null)
            {
                top[i + 1] = c.Heading;
                if (twoRows) merges.Add($"{col}6:{col}7");
                continue;
            }
            bottom[i + 1] = c.Heading;
            if (i > 0 && t.Columns[i - 1].Over == c.Over) continue;
            top[i + 1] = c.Over;
            var end = i;
            while (end + 1 < t.Columns.Length && t.Columns[end + 1].Over == c.Over) end++;
            if (end > i) merges.Add($"{col}6:{XlsxWriter.ColumnName(end + 1)}6");
        }
        rows.Add(top);
        if (twoRows) rows.Add(bottom);
        var numbers = Row();
        for (var i = 0; i < width; i++) numbers[i] = $"({i + 1})";
        rows.Add(numbers);

        var sums = t.Columns.Select(c => c.Sum).ToArray();
        var grand = new decimal[t.Columns.Length];
        var seq = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            var (key, members) = groups[g];
            if (t.GroupBy is not null)
            {
                var heading = Row();
                heading[0] = Roman[g % Roman.Length];
                heading[1] = Label(spec.Column(t.GroupBy), key);
                rows.Add(heading);
            }
            var first = rows.Count + 1;
            var subtotal = new decimal[t.Columns.Length];
            for (var m = 0; m < members.Count; m++)
            {
                var row = Row();
                row[0] = ++seq;
                for (var i = 0; i < t.Columns.Length; i++)
                {
                    var c = t.Columns[i];
                    var text = members[m][c.Name];
                    // a merged cell holds its value in the first row only
                    if (c.MergeDown && m > 0 && members.All(x => x[c.Name] == text)) continue;
                    row[i + 1] = Typed(spec.Column(c.Name), text);
                    if (c.Sum && text.Length > 0) { var v = decimal.Parse(text, CultureInfo.InvariantCulture); subtotal[i] += v; grand[i] += v; }
                }
                rows.Add(row);
            }
            for (var i = 0; i < t.Columns.Length; i++)
            {
                var c = t.Columns[i];
                if (c.MergeDown && members.Count > 1 && members.All(x => x[c.Name] == members[0][c.Name]))
                {
                    var col = XlsxWriter.ColumnName(i + 1);
                    merges.Add($"{col}{first}:{col}{first + members.Count - 1}");
                }
            }
            if (sums.Any(s => s) && groups.Count > 1)
            {
                var cong = Row();
                cong[1] = "Cộng";
                for (var i = 0; i < sums.Length; i++) if (sums[i]) cong[i + 1] = subtotal[i];
                rows.Add(cong);
            }
        }
        if (sums.Any(s => s))
        {
            var total = Row();
            total[1] = "Tổng cộng";
            for (var i = 0; i < sums.Length; i++) if (sums[i]) total[i + 1] = grand[i];
            rows.Add(total);
        }

        rows.Add(null);
        var right = Math.Max(3, width - 3);
        var place = Row(); place[right] = $"{t.Place}, ngày 05 tháng 4 năm 2026"; rows.Add(place);
        var titles = Row(); titles[1] = "NGƯỜI LẬP BIỂU"; titles[right] = t.Signer; rows.Add(titles);
        var sign = Row(); sign[1] = "(Ký, ghi rõ họ tên)"; sign[right] = "(Ký tên, đóng dấu)"; rows.Add(sign);
        rows.Add(null);
        rows.Add(null);
        var names = Row(); names[1] = "Nguyễn Thị Lan"; names[right] = "Trần Văn Hùng"; rows.Add(names);

        var path = Path.Combine(outDir, t.File);
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
        using (var writer = new XlsxWriter(stream))
            writer.AddRows(t.Sheet, rows, merges);
        SampleWorkbooks.FixTimestamps(temp, path);
        File.Delete(temp);
        return path;
    }

    /// <summary>The cell an office would type: a label for a code, a date cell, a number cell, a percent cell for a percentage.</summary>
    private static object? Typed(ColumnSpec column, string text)
    {
        if (text.Length == 0) return null;
        switch (column.Type)
        {
            case ColumnType.Date:
                return DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            case ColumnType.Integer:
            case ColumnType.Decimal:
                var number = decimal.Parse(text, CultureInfo.InvariantCulture);
                return column.Percent && column.Name == "progress_pct" ? new PercentCell((double)(number / 100)) : number;
            case ColumnType.Enum:
                return Label(column, text);
            case ColumnType.Boolean:
                return text == "true" ? "có" : "không";
            default:
                return text;
        }
    }

    /// <summary>The enum value's first Vietnamese label, capitalised as a clerk writes it ("Công chức").</summary>
    private static string Label(ColumnSpec column, string code)
    {
        var label = column.Values.FirstOrDefault(v => v.Code == code)?.Labels.FirstOrDefault() ?? code;
        return label.Length == 0 ? label : char.ToUpper(label[0], CultureInfo.InvariantCulture) + label[1..];
    }
}
