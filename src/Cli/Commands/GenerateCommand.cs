using System.Globalization;
using Analytics.Synthetic;
using Analytics.Metrics;

namespace Analytics.Cli.Commands;

public sealed class GenerateCommand : ICommand
{
    public string Name => "generate";
    public string Summary => "sinh dữ liệu mẫu theo định dạng đầu vào / generate input files in the contract formats";
    public string Help => """
        analytics generate --scale small|province|national|samples --out DIR [--seed N]

        Sinh các tệp đầu vào theo INPUTS.md, tất định (cùng seed → cùng từng byte).
        Writes deterministic input files in the contract formats (same seed → byte-identical files).

          --scale small     một tỉnh nhỏ: 38 xã, 07/2024–05/2026 (one small province)
          --scale province  một thành phố cỡ Hải Phòng: 114 xã, 5 năm, đủ 56 ô biên chế
                            (one city like Hải Phòng, five years, the full staffing template)
          --scale national  cả nước: 34 tỉnh, 3.321 xã, 5 năm thu ngân sách hằng tháng, biên chế
                            hằng quý, hàng chục nghìn nhiệm vụ (the country, millions of rows)
          --scale samples   Hải Phòng (31) và Cần Thơ (92) như trong data-samples/, với số liệu
                            thu ngân sách, tăng trưởng khớp Thông báo kết luận sơ kết 1 năm
                            (the shipped data-samples/: regenerate with --out data-samples)
          --seed N          hạt giống / seed (mặc định / default 20260602 for samples, 1 otherwise)

        Ví dụ / example: analytics generate --scale samples --out data-samples
        """;

    public int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        args.AllowOnly("--scale", "--out", "--seed");
        var scale = args.Required("--scale");
        var outDir = args.Required("--out");
        var seedText = args.Option("--seed");
        ulong? seed = null;
        if (seedText is not null)
            seed = ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                ? s
                : throw new UsageException($"--seed phải là số nguyên không âm / must be a non-negative integer: {seedText}");

        switch (scale)
        {
            case "samples":
            {
                var files = SampleProvinceGenerator.Generate(outDir, seed ?? SampleProvinceGenerator.DefaultSeed);
                long bytes = files.Sum(f => new FileInfo(f).Length);
                stdout.WriteLine($"Đã sinh {files.Count} tệp mẫu vào {outDir} ({VietnameseFormat.Number(bytes / 1024.0 / 1024.0, 1)} MB) / wrote {files.Count} sample files.");
                return ExitCode.Ok;
            }
            case "small" or "province" or "national":
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var summary = SyntheticGenerator.Generate(SyntheticScale.For(scale), outDir, seed ?? 1);
                long bytes = summary.Files.Sum(f => new FileInfo(f).Length);
                stdout.WriteLine($"Đã sinh {summary.Files.Count} tệp ({VietnameseFormat.Number(summary.TotalRows)} dòng, " +
                                 $"{VietnameseFormat.Number(bytes / 1024.0 / 1024.0, 1)} MB) vào {outDir} trong {VietnameseFormat.Number(watch.Elapsed.TotalSeconds, 1)} giây");
                stdout.WriteLine($"/ wrote {summary.Files.Count} files ({summary.TotalRows.ToString(CultureInfo.InvariantCulture)} rows).");
                foreach (var (dataset, rows) in summary.RowsByDataset) stdout.WriteLine($"  {dataset,-16} {VietnameseFormat.Number(rows),12}");
                return ExitCode.Ok;
            }
            default:
                throw new UsageException($"--scale không hợp lệ / unknown scale: {scale} (small, province, national, samples)");
        }
    }
}
