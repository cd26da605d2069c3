using Analytics.TaskExtraction;

namespace Analytics.Cli.Commands;

public sealed class ExtractTasksCommand : ICommand
{
    public string Name => "extract-tasks";
    public string Summary => "trích nhiệm vụ, thời hạn từ văn bản chỉ đạo / extract assigned tasks from directives";
    public string Help => """
        analytics extract-tasks FILE... [--units FILE] --out FILE [--score LABELS]

        Đọc công văn, chỉ thị, thông báo kết luận (.txt, .md, .docx) và ghi sổ nhiệm vụ theo mẫu `tasks`
        (INPUTS.md) kèm cột confidence và review_note. Dòng có review_note phải được người kiểm tra và xóa
        ghi chú trước khi `analytics load` nhận.
        Reads directives and conclusions and writes a task register in the `tasks` format, plus
        `confidence` and `review_note`; a row with a review note must be checked (and the note cleared)
        before `analytics load` accepts it.
        Danh sách trong đoạn ("(1) …; (2) …", "(i) …", "a) …", ": - …; - …") cho mỗi mục một nhiệm vụ (mục II.3.(2));
        nhiệm vụ nêu lại từ văn bản khác ("… giao tại Kết luận số 183-KL/TW ngày 01/8/2025, như sau:") ghi source_doc
        là văn bản đó. Inline lists give one task per item; tasks restated from another document name it as source_doc.

          --units FILE    bảng đơn vị (mẫu units) để gán mã đơn vị chủ trì, phối hợp / units table for unit codes
          --out FILE      tệp CSV kết quả / output CSV
          --score LABELS  so với nhãn gán tay (CSV) và in precision, recall / score against hand labels

        Ví dụ / example:
          analytics extract-tasks cv-14-tu.txt tb-ket-luan.md --units units.csv --out tasks_extracted.csv
        """;

    public int Run(Arguments args, TextWriter stdout, TextWriter stderr)
    {
        args.AllowOnly("--units", "--out", "--score");
        var files = args.Positionals("--units", "--out", "--score");
        var outPath = args.Required("--out");
        var unitsPath = args.Option("--units");
        var labelsPath = args.Option("--score");
        if (files.Count == 0) throw new UsageException("cần ít nhất một tệp văn bản / at least one document is required");
        foreach (var f in files.Append(unitsPath).Append(labelsPath).OfType<string>())
            if (!File.Exists(f)) throw new UsageException($"không có tệp / file not found: {f}");

        var units = unitsPath is null ? UnitDirectory.Empty : UnitDirectory.Load(unitsPath);
        if (unitsPath is null)
            stderr.WriteLine("Cảnh báo: không có --units, đơn vị chủ trì để trống / warning: no --units, lead units left empty");
        var extractor = new TaskExtractor(units);
        var tasks = new List<ExtractedTask>();
        foreach (var file in files)
        {
            var doc = SourceDocument.Read(file);
            var found = extractor.Extract(doc);
            tasks.AddRange(found);
            foreach (var w in doc.Warnings) stderr.WriteLine($"{file}: {w}");
            stdout.WriteLine($"{file}: {found.Count} nhiệm vụ / tasks, {found.Count(t => t.ReviewNote.Length > 0)} cần kiểm tra / to review, " +
                             $"{found.Count(t => t.DueKind != "khong")} có thời hạn / with a deadline");
        }
        TaskRegisterCsv.Write(outPath, tasks);
        stdout.WriteLine($"Đã ghi / wrote {outPath}: {tasks.Count} dòng / rows.");
        if (labelsPath is not null)
            stdout.Write(ExtractionScore.Compute(tasks, ExtractionScore.ReadLabels(labelsPath)).ToString());
        return ExitCode.Ok;
    }
}
