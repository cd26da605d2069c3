using System.Text;

namespace Analytics.Synthetic;

/// <summary>
/// data-samples/broken/: files with one deliberate fault each, of the kinds communes and offices
/// really send, for the demo to show refused with their reasons. Every other row in them is valid
/// against the sample units, so the fault named is the only reason to refuse.
/// </summary>
public static class BrokenSamples
{
    public static IReadOnlyList<string> Write(string dir, CityModel haiPhong, CityModel canTho)
    {
        Directory.CreateDirectory(dir);
        var files = new List<string>();
        var hp = haiPhong.Communes[0];
        var hp2 = haiPhong.Communes[1];

        // 1. a staffing appendix where one cell has fewer officials present than came from the old district
        using (var w = new ContractCsvWriter(Path.Combine(dir, $"staffing_31_{hp.Code}_actual_below_old_district.csv"), StaffingGenerator.Header))
        {
            string[][] rows =
            [
                ["2026-04-30", "sau_sap_xep", hp.Code, "can_bo", "lanh_dao", "9", "9", "3", "6"],
                ["2026-04-30", "sau_sap_xep", hp.Code, "cong_chuc", "van_phong", "4", "5", "1", "4"],
                ["2026-04-30", "sau_sap_xep", hp.Code, "cong_chuc", "dat_dai", "3", "2", "3", "0"],
                ["2026-04-30", "sau_sap_xep", hp.Code, "cong_chuc", "tai_chinh", "3", "2", "0", "2"],
                ["2026-04-30", "sau_sap_xep", hp.Code, "cong_chuc", "cntt", "1", "0", "0", "0"],
            ];
            foreach (var r in rows) { foreach (var f in r) w.Field(f); w.EndRow(); }
            files.Add(w.Path);
        }

        // 2. a task register naming a lead unit that does not exist (31S99)
        using (var w = new ContractCsvWriter(Path.Combine(dir, "tasks_31_unknown_lead_unit.csv"), TaskRegisterGenerator.TaskHeader))
        {
            string?[][] rows =
            [
                ["31-T90001", "41-TB/TU", "2026-06-06", "7.1.(1)", "Ban hành khung số lượng và tên gọi các phòng chuyên môn cấp xã", "31S08", null, null, "ngay", "2026-06-30"],
                ["31-T90002", "41-TB/TU", "2026-06-06", "7.2.(2)", "Tham mưu bố trí tăng thêm Phó Chủ tịch Ủy ban nhân dân cấp xã", "31S02", "31S08", null, "ngay", "2026-06-30"],
                ["31-T90003", "41-TB/TU", "2026-06-06", "7.3.", "Sắp xếp, tinh gọn các hội quần chúng", "31S99", null, null, "ngay", "2026-07-15"],
                ["31-T90004", "41-TB/TU", "2026-06-06", "7.4.", "Rà soát, giải quyết vướng mắc phát sinh tại cơ sở", hp2.Code, null, null, "thuong_xuyen", null],
            ];
            foreach (var r in rows) { foreach (var f in r) w.Field(f); w.EndRow(); }
            files.Add(w.Path);
        }

        // 3. revenue exported with US number formatting (thousands comma, decimal point)
        using (var w = new ContractCsvWriter(Path.Combine(dir, "revenue_31_us_number_format.csv"), RevenueGenerator.Header))
        {
            string[][] rows =
            [
                ["2026-06", "31", "thu_noi_dia_khac", "9,412.5", "true"],
                ["2026-06", "31", "thu_tien_su_dung_dat", "2,180.0", "true"],
                ["2026-06", "31", "thu_xuat_nhap_khau", "8,960.4", "true"],
            ];
            foreach (var r in rows) { foreach (var f in r) w.Field(f); w.EndRow(); }
            files.Add(w.Path);
        }

        // 4. revenue where the total given for a month disagrees with its categories (2.650 vs 2.712,4)
        using (var w = new ContractCsvWriter(Path.Combine(dir, "revenue_92_parent_disagrees.csv"), RevenueGenerator.Header))
        {
            string[][] rows =
            [
                ["2026-06", "92", "tong_thu", "2650", "true"],
                ["2026-06", "92", "thu_noi_dia", "2591.8", "true"],
                ["2026-06", "92", "thu_tien_su_dung_dat", "352.6", "true"],
                ["2026-06", "92", "thu_xo_so", "431.2", "true"],
                ["2026-06", "92", "thu_noi_dia_khac", "1808", "true"],
                ["2026-06", "92", "thu_xuat_nhap_khau", "118.2", "true"],
                ["2026-06", "92", "thu_vien_tro", "2.4", "true"],
            ];
            foreach (var r in rows) { foreach (var f in r) w.Field(f); w.EndRow(); }
            files.Add(w.Path);
        }

        // 5. a task register saved by an old spreadsheet in the Windows-1258 code page: not UTF-8
        var ct = canTho.Communes[0];
        var legacy = new StringBuilder();
        legacy.Append(string.Join(",", TaskRegisterGenerator.TaskHeader)).Append('\n');
        legacy.Append($"92-T90001,12-CV/TU,2026-06-03,1.(1),Rà soát đội ngũ cán bộ trước và sau sắp xếp,{ct.Code},,,ngay,2026-06-30\n");
        legacy.Append($"92-T90002,12-CV/TU,2026-06-03,1.(2),Kiện toàn trạm y tế và bố trí nhân lực y tế cơ sở,{ct.Code},,,ngay,2026-07-15\n");
        var path = Path.Combine(dir, "tasks_92_windows_1258_encoding.csv");
        File.WriteAllBytes(path, Windows1258(legacy.ToString()));
        files.Add(path);
        return files;
    }

    /// <summary>Windows-1258 bytes: base letters in the code page, tone marks as combining bytes, as legacy Vietnamese Excel files have them.</summary>
    public static byte[] Windows1258(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var enc = Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var bytes = new List<byte>();
        foreach (var ch in text)
        {
            var s = ch.ToString();
            try { bytes.AddRange(enc.GetBytes(s)); }
            catch (EncoderFallbackException)
            {
                // a precomposed letter with a tone: its base (which may keep a vowel mark) plus the combining tone mark
                var d = s.Normalize(NormalizationForm.FormD);
                var tones = d.Where(c => c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323').ToArray();
                var baseLetter = new string(d.Where(c => !tones.Contains(c)).ToArray()).Normalize(NormalizationForm.FormC);
                bytes.AddRange(enc.GetBytes(baseLetter));
                foreach (var t in tones) bytes.AddRange(enc.GetBytes(t.ToString()));
            }
        }
        return bytes.ToArray();
    }
}
