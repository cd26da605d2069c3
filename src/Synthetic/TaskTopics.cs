namespace Analytics.Synthetic;

/// <summary>
/// Plausible task wording by topic, modelled on the Hải Phòng directives in the seeds: what a
/// department is asked to do, and what every commune is asked to do.
/// </summary>
public static class TaskTopics
{
    public static IReadOnlyList<string> Names { get; } =
        ["to_chuc", "tai_chinh", "dat_dai", "xay_dung", "cntt", "giao_duc", "y_te", "van_hoa", "tong_hop",
         "cai_cach_hanh_chinh", "kinh_te", "tu_phap", "an_ninh", "dan_van", "kiem_tra", "nong_nghiep"];

    public static IReadOnlyList<string> ForDepartment(string topic) => topic switch
    {
        "to_chuc" =>
        [
            "Tham mưu phương án bố trí, điều động cán bộ, công chức về cấp xã",
            "Thẩm định, đề xuất phê duyệt quy hoạch cán bộ lãnh đạo, quản lý",
            "Hướng dẫn đánh giá, xếp loại chất lượng cán bộ, công chức cấp xã",
            "Tham mưu bố trí tăng thêm Phó Chủ tịch Ủy ban nhân dân cấp xã",
            "Xây dựng kế hoạch đào tạo, bồi dưỡng, tập huấn cán bộ, công chức cơ sở",
            "Tổng hợp tình hình thừa, thiếu cán bộ, công chức sau sắp xếp",
        ],
        "tai_chinh" =>
        [
            "Chi trả dứt điểm chế độ, chính sách cho cán bộ nghỉ hưu, nghỉ thôi việc",
            "Hướng dẫn xử lý tài sản công, trụ sở dôi dư sau sắp xếp",
            "Rà soát, bố trí kinh phí hoạt động cho chính quyền cấp xã",
            "Đôn đốc thu ngân sách, chống thất thu trên địa bàn",
            "Hướng dẫn lập, giao dự toán ngân sách cấp xã",
        ],
        "dat_dai" =>
        [
            "Hướng dẫn nghiệp vụ quản lý đất đai cho cấp xã",
            "Số hóa, chỉnh lý hồ sơ địa chính sau sắp xếp đơn vị hành chính",
            "Tháo gỡ vướng mắc trong cấp giấy chứng nhận quyền sử dụng đất",
            "Rà soát bảng giá đất áp dụng từ năm 2026",
        ],
        "xay_dung" =>
        [
            "Hướng dẫn cấp giấy phép xây dựng theo thẩm quyền mới của cấp xã",
            "Rà soát, điều chỉnh quy hoạch chung các xã, phường, đặc khu",
            "Kiểm tra hiện trạng trụ sở làm việc, đề xuất cải tạo, sửa chữa",
        ],
        "cntt" =>
        [
            "Bảo đảm đường truyền, hạ tầng số kết nối thông suốt đến cấp xã",
            "Triển khai Kế hoạch 02-KH/BCĐ về chuyển đổi số trong hệ thống chính trị",
            "Xây dựng, khai thác cơ sở dữ liệu dùng chung của thành phố",
            "Triển khai hệ thống quản lý văn bản và hồ sơ công việc cho cấp xã",
        ],
        "giao_duc" =>
        [
            "Sắp xếp, tổ chức lại các cơ sở giáo dục công lập",
            "Hướng dẫn cấp xã quản lý nhà nước về giáo dục mầm non, tiểu học, trung học cơ sở",
            "Rà soát, bố trí đủ giáo viên theo định mức",
        ],
        "y_te" =>
        [
            "Sắp xếp mạng lưới trạm y tế cấp xã sau sắp xếp",
            "Hướng dẫn cấp xã thực hiện nhiệm vụ y tế cơ sở",
            "Bố trí nhân lực y tế cho các trạm y tế còn thiếu",
        ],
        "van_hoa" =>
        [
            "Hướng dẫn quản lý di tích, lễ hội trên địa bàn cấp xã",
            "Tổ chức các hoạt động văn hóa, thể thao chào mừng các ngày lễ lớn",
        ],
        "tong_hop" =>
        [
            "Tổng hợp, báo cáo kết quả vận hành chính quyền địa phương 2 cấp",
            "Thông báo danh sách đơn vị, công việc chậm tiến độ",
            "Rà soát, cắt giảm báo cáo, văn bản, hội họp không cần thiết",
            "Xây dựng quy chế làm việc, quy chế phối hợp giữa các cơ quan",
            "Bổ sung, hoàn thiện báo cáo sơ kết gửi Ban Chỉ đạo Trung ương",
        ],
        "cai_cach_hanh_chinh" =>
        [
            "Khẩn trương ban hành khung số lượng và tên gọi các phòng chuyên môn cấp xã",
            "Rà soát, kịp thời tháo gỡ vướng mắc về phân cấp, ủy quyền cho cấp xã",
            "Công bố danh mục thủ tục hành chính thực hiện không phụ thuộc địa giới hành chính",
            "Nâng cao Chỉ số cải cách hành chính và Chỉ số hài lòng của người dân",
        ],
        "kinh_te" =>
        [
            "Tháo gỡ khó khăn cho doanh nghiệp, thúc đẩy tăng trưởng kinh tế",
            "Đẩy nhanh giải ngân vốn đầu tư công",
            "Nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh",
        ],
        "tu_phap" =>
        [
            "Rà soát văn bản quy phạm pháp luật chồng chéo, bất cập với mô hình mới",
            "Hướng dẫn nghiệp vụ hộ tịch, chứng thực cho cấp xã",
        ],
        "an_ninh" =>
        [
            "Bảo đảm an ninh, trật tự trong quá trình sắp xếp đơn vị hành chính",
            "Cập nhật thông tin địa giới hành chính mới trong cơ sở dữ liệu dân cư",
        ],
        "dan_van" =>
        [
            "Sắp xếp, tinh gọn các hội quần chúng do Đảng, Nhà nước giao nhiệm vụ",
            "Tuyên truyền, tạo đồng thuận về mô hình chính quyền địa phương 2 cấp",
            "Nắm bắt tâm tư, nguyện vọng của cán bộ, đảng viên và Nhân dân",
        ],
        "kiem_tra" =>
        [
            "Kiểm tra, giám sát việc thực hiện chính quyền địa phương 2 cấp",
            "Giải quyết đơn thư, kiến nghị phát sinh sau sắp xếp",
        ],
        "nong_nghiep" =>
        [
            "Hướng dẫn phòng, chống thiên tai, tìm kiếm cứu nạn ở cấp xã",
            "Rà soát, sắp xếp các đơn vị sự nghiệp nông nghiệp, môi trường",
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, "unknown topic"),
    };

    public static IReadOnlyList<string> ForCommunes(string topic) => topic switch
    {
        "to_chuc" =>
        [
            "Rà soát đội ngũ cán bộ trước và sau sắp xếp, xác định tình trạng thiếu, thừa (theo phụ lục)",
            "Kiện toàn các phòng chuyên môn thuộc Ủy ban nhân dân cấp xã",
            "Sắp xếp nhân sự bí thư chi bộ, trưởng thôn, tổ trưởng tổ dân phố",
        ],
        "tai_chinh" =>
        [
            "Kiểm kê, bàn giao tài sản, trụ sở của đơn vị cũ",
            "Lập dự toán thu, chi ngân sách cấp xã năm 2026",
        ],
        "dat_dai" =>
        [
            "Bàn giao, tiếp nhận và chỉnh lý hồ sơ địa chính của các đơn vị cũ",
            "Rà soát quỹ đất công, đất dôi dư sau sắp xếp",
        ],
        "xay_dung" => ["Báo cáo hiện trạng trụ sở, nơi làm việc và nhu cầu cải tạo, sửa chữa"],
        "cntt" =>
        [
            "Bảo đảm đường truyền, trang thiết bị kết nối hội nghị trực tuyến đến cấp xã",
            "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        ],
        "giao_duc" => ["Rà soát mạng lưới trường, lớp trên địa bàn"],
        "y_te" => ["Kiện toàn trạm y tế, bố trí nhân lực y tế cơ sở"],
        "van_hoa" => ["Rà soát, quản lý các di tích, thiết chế văn hóa trên địa bàn"],
        "tong_hop" =>
        [
            "Báo cáo kết quả vận hành chính quyền địa phương 2 cấp (định kỳ)",
            "Ban hành quy chế làm việc của Ủy ban nhân dân cấp xã",
        ],
        "cai_cach_hanh_chinh" =>
        [
            "Vận hành Trung tâm phục vụ hành chính công cấp xã, không để gián đoạn",
            "Niêm yết, công khai thủ tục hành chính thuộc thẩm quyền cấp xã",
        ],
        "kinh_te" => ["Xây dựng kế hoạch phát triển kinh tế - xã hội năm 2026"],
        "tu_phap" => ["Rà soát, chuẩn hóa dữ liệu hộ tịch sau sắp xếp"],
        "an_ninh" => ["Bảo đảm an ninh, trật tự tại trụ sở và nơi tiếp công dân"],
        "dan_van" => ["Tổ chức đối thoại với Nhân dân về hoạt động của chính quyền cấp xã"],
        "kiem_tra" => ["Tự kiểm tra việc thực hiện quy chế làm việc và kỷ luật, kỷ cương"],
        "nong_nghiep" => ["Kiện toàn Ban Chỉ huy phòng thủ dân sự cấp xã"],
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, "unknown topic"),
    };

    /// <summary>Topics a directive before 1 July 2025 (while preparing the reorganisation) mostly dealt with.</summary>
    public static IReadOnlyList<string> PreparationTopics { get; } = ["to_chuc", "tai_chinh", "tong_hop", "cai_cach_hanh_chinh", "dan_van", "an_ninh", "dat_dai"];

    public static IReadOnlyList<string> Notes { get; } =
    [
        "Đã ban hành văn bản triển khai",
        "Đang tổng hợp số liệu từ các đơn vị",
        "Chờ hướng dẫn của bộ, ngành Trung ương",
        "Đã xây dựng dự thảo, đang lấy ý kiến",
        "Vướng mắc về kinh phí, đã báo cáo thành phố",
        "Thiếu nhân lực chuyên môn",
    ];
}
