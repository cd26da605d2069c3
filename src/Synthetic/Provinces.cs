namespace Analytics.Synthetic;

/// <summary>A province-level unit after the 2025 merger: code, name, type (tinh / thanh_pho).</summary>
public sealed record Province(string Code, string Name, string Type);

/// <summary>
/// The 34 province-level units from 1 July 2025 (Nghị quyết 202/2025/QH15). The code is the one the
/// merged province kept (that of the province whose capital it kept).
/// </summary>
public static class Provinces
{
    public static IReadOnlyList<Province> All { get; } =
    [
        new("01", "Thành phố Hà Nội", "thanh_pho"),
        new("04", "Tỉnh Cao Bằng", "tinh"),
        new("08", "Tỉnh Tuyên Quang", "tinh"),
        new("11", "Tỉnh Điện Biên", "tinh"),
        new("12", "Tỉnh Lai Châu", "tinh"),
        new("14", "Tỉnh Sơn La", "tinh"),
        new("15", "Tỉnh Lào Cai", "tinh"),
        new("19", "Tỉnh Thái Nguyên", "tinh"),
        new("20", "Tỉnh Lạng Sơn", "tinh"),
        new("22", "Tỉnh Quảng Ninh", "tinh"),
        new("24", "Tỉnh Bắc Ninh", "tinh"),
        new("25", "Tỉnh Phú Thọ", "tinh"),
        new("31", "Thành phố Hải Phòng", "thanh_pho"),
        new("33", "Tỉnh Hưng Yên", "tinh"),
        new("37", "Tỉnh Ninh Bình", "tinh"),
        new("38", "Tỉnh Thanh Hóa", "tinh"),
        new("40", "Tỉnh Nghệ An", "tinh"),
        new("42", "Tỉnh Hà Tĩnh", "tinh"),
        new("44", "Tỉnh Quảng Trị", "tinh"),
        new("46", "Thành phố Huế", "thanh_pho"),
        new("48", "Thành phố Đà Nẵng", "thanh_pho"),
        new("51", "Tỉnh Quảng Ngãi", "tinh"),
        new("52", "Tỉnh Gia Lai", "tinh"),
        new("56", "Tỉnh Khánh Hòa", "tinh"),
        new("66", "Tỉnh Đắk Lắk", "tinh"),
        new("68", "Tỉnh Lâm Đồng", "tinh"),
        new("75", "Tỉnh Đồng Nai", "tinh"),
        new("79", "Thành phố Hồ Chí Minh", "thanh_pho"),
        new("80", "Tỉnh Tây Ninh", "tinh"),
        new("82", "Tỉnh Đồng Tháp", "tinh"),
        new("86", "Tỉnh Vĩnh Long", "tinh"),
        new("91", "Tỉnh An Giang", "tinh"),
        new("92", "Thành phố Cần Thơ", "thanh_pho"),
        new("96", "Tỉnh Cà Mau", "tinh"),
    ];
}
