using System.Globalization;
using Analytics.Etl.Synthetic;

namespace Analytics.Cli.Commands;

public sealed class GenerateCommand : ICommand
{
    public string Name => "generate";
    public string Summary => "sinh dữ liệu mẫu theo định dạng đầu vào / generate input files in the contract formats";
    public string Help => """
        analytics generate --scale samples --out DIR [--seed N]

        Sinh các tệp đầu vào theo INPUTS.md, tất định (cùng seed → cùng từng byte).
        Writes deterministic input files in the contract formats (same seed → byte-identical files).

          --scale samples   Hải Phòng (31) và Cần Thơ (92) như trong data-samples/, với số liệu
                            thu ngân sách, tăng trưởng khớp Thông báo kết luận sơ kết 1 năm
                            (the shipped data-samples/: regenerate with --out data-samples)
          --seed N          hạt giống / seed (mặc định / default 20260602 for samples)

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
                stdout.WriteLine($"Đã sinh {files.Count} tệp mẫu vào {outDir} ({bytes / 1024.0 / 1024.0:0.0} MB) / wrote {files.Count} sample files.");
                return ExitCode.Ok;
            }
            default:
                throw new UsageException($"--scale không hợp lệ / unknown scale: {scale}");
        }
    }
}
