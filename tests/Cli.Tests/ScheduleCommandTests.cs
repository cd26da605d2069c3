using System.Text;
using Analytics.Warehouse;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Analytics.Cli.Tests;

/// <summary>
/// `schedule run` on Fixtures/monthly-inbox (a province 77 of three communes, May 2026): Xã An Lạc
/// sent everything; Phường Bình Minh sent its staffing appendix but no progress report on its open
/// task; Xã Cát Tiên sent neither (its appendix is from March; one of its tasks was finished in March,
/// the other is open).
/// </summary>
public sealed class ScheduleCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cli-schedule-" + Guid.NewGuid().ToString("N"));
    private string Db => Path.Combine(_dir, "w.duckdb");
    private string Out => Path.Combine(_dir, "bao-cao");
    private string Month => Path.Combine(Out, "2026-05-31");

    public ScheduleCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static string Inbox => Path.Combine(AppContext.BaseDirectory, "Fixtures", "monthly-inbox");

    private static (int Exit, string Out, string Err) Run(params string[] argv)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CommandLine.Run(argv, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private (int Exit, string Out, string Err) Schedule(string inbox) =>
        Run("schedule", "run", "--db", Db, "--inbox", inbox, "--out", Out, "--unit", "77", "--month", "2026-05");

    [Fact]
    public void A_run_loads_the_inbox_writes_the_monthly_pdf_and_docx_in_a_dated_folder_and_names_the_communes_missing_files()
    {
        var (exit, stdout, stderr) = Schedule(Inbox);
        Assert.True(exit == ExitCode.Ok, stdout + stderr);

        // the inbox is in the warehouse
        using (var db = WarehouseFile.Open(Db, readOnly: true))
            Assert.Equal(4, db.ExecuteScalar<long>("select count(*) from raw.tasks where task_id like '77-%'"));

        // a dated folder with both renderings of the one report, the load report and the missing list
        foreach (var f in new[] { "bao-cao-thang-77-2026-05.pdf", "bao-cao-thang-77-2026-05.docx", "load_report.json", "thieu-so-lieu-2026-05.csv" })
            Assert.True(File.Exists(Path.Combine(Month, f)), f + " missing");
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(File.ReadAllBytes(Path.Combine(Month, "bao-cao-thang-77-2026-05.pdf")), 0, 4));

        // who has not sent what: Bình Minh its task report, Cát Tiên both; An Lạc is not listed
        var csv = File.ReadAllLines(Path.Combine(Month, "thieu-so-lieu-2026-05.csv"), Encoding.UTF8);
        Assert.Equal(3, csv.Length);
        Assert.Equal("77002,Phường Bình Minh,Cụm 01,true,2026-05-15,1,0,true", csv[1]);
        Assert.Equal("77003,Xã Cát Tiên,Cụm 02,false,2026-03-31,1,0,true", csv[2]);
        Assert.Contains("2/3 (biên chế / staffing: 1, nhiệm vụ / task reports: 2)", stdout);

        // the Word draft says the same: the due task of June, the overdue one, the communes missing files
        using var word = WordprocessingDocument.Open(Path.Combine(Month, "bao-cao-thang-77-2026-05.docx"), false);
        var text = string.Join("\n", word.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
        Assert.Contains("Quá hạn chưa hoàn thành", text);
        Assert.Contains("Có 2 nhiệm vụ chưa hoàn thành sẽ đến hạn trong tháng 06/2026", text);
        Assert.Contains("77-T1", text);
        Assert.Contains("15/06/2026", text);
        Assert.Contains("1/3 xã, phường chưa gửi phụ lục biên chế tháng 05/2026", text);
        Assert.Contains("2/3 xã, phường có nhiệm vụ đang thực hiện chưa gửi báo cáo tiến độ", text);
        // Bình Minh's task fell due on 30/04 and is overdue at 31/05: it slipped since April
        Assert.Contains("Có 1 đơn vị tăng số nhiệm vụ quá hạn", text);

        // a second run of the same inbox changes nothing in the warehouse and writes the same list
        var again = Schedule(Inbox);
        Assert.Equal(ExitCode.Ok, again.Exit);
        Assert.Contains("không đổi / unchanged", again.Out);
        Assert.Equal(csv, File.ReadAllLines(Path.Combine(Month, "thieu-so-lieu-2026-05.csv"), Encoding.UTF8));
    }

    [Fact]
    public void A_refused_inbox_file_changes_nothing_exits_1_and_the_report_is_still_written_from_the_warehouse()
    {
        var inbox = Path.Combine(_dir, "inbox");
        Directory.CreateDirectory(inbox);
        foreach (var f in Directory.GetFiles(Inbox)) File.Copy(f, Path.Combine(inbox, Path.GetFileName(f)));
        File.WriteAllText(Path.Combine(inbox, "staffing_77_broken.csv"),
            "snapshot_date,phase,unit_code,position_group,specialty,quota,actual\n2026-05-16,sau_sap_xep,77003,cong_chuc,dat_dai,4,-3\n");

        var (exit, stdout, stderr) = Schedule(inbox);

        Assert.Equal(ExitCode.Refused, exit);
        Assert.Contains("load_report.json", stderr);
        using (var db = WarehouseFile.Open(Db, readOnly: true))
            Assert.Equal(0, db.ExecuteScalar<long>("select count(*) from raw.staffing where snapshot_date = '2026-05-16'"));
        Assert.True(File.Exists(Path.Combine(Month, "bao-cao-thang-77-2026-05.pdf")));
        // Cát Tiên's refused appendix does not count as sent
        Assert.Contains("77003,Xã Cát Tiên,Cụm 02,false,2026-03-31", File.ReadAllText(Path.Combine(Month, "thieu-so-lieu-2026-05.csv")));
        Assert.Contains("refused", File.ReadAllText(Path.Combine(Month, "load_report.json")));
    }

    [Fact]
    public void Schedule_without_the_run_subcommand_or_with_a_month_not_begun_is_a_usage_error()
    {
        Assert.Equal(ExitCode.Usage, Run("schedule", "--db", Db, "--inbox", Inbox, "--out", Out, "--unit", "77").Exit);
        var future = Run("schedule", "run", "--db", Db, "--inbox", Inbox, "--out", Out, "--unit", "77", "--month", "2099-01");
        Assert.Equal(ExitCode.Usage, future.Exit);
        Assert.Contains("chưa bắt đầu", future.Err);
        Assert.False(File.Exists(Db));
    }
}
