using Analytics.Warehouse;
using Analytics.Metrics;
using Analytics.Reports.Briefing;
using Analytics.Reports.Rendering;

namespace Analytics.Bench;

/// <summary>The Hải Phòng briefing and the 114 commune briefs (in-process, warm, as `analytics report`
/// does it), beside headless Chromium printing the dashboard's pages to PDF (the peers' method).
/// The briefing: per-unit queries (as `analytics report --kind briefing`), and over a snapshot's
/// SnapshotValues already filled (as the dashboard serves it). The commune briefs: a fresh
/// SnapshotValues per run (every commune's figures from one query per date), the PDFs rendered in
/// parallel, as `analytics report --kind commune` does it.</summary>
public static class ReportBench
{
    private static readonly DateOnly AsOf = new(2025, 12, 31);

    public static string SamplesDb(BenchOptions o) => Path.Combine(o.Work, "samples.duckdb");

    public static void Run(BenchOptions o, Results results)
    {
        var db = SamplesDb(o);
        LoadBench.Delete(db);
        var load = Child.Run("dotnet", [o.Cli, "load", "--db", db, Path.Combine(o.Repo, "data-samples")], mustSucceed: false);
        if (load.ExitCode is not (0 or 1)) throw new InvalidOperationException("loading data-samples failed: " + Child.Tail(load.Output));
        results.Command($"dotnet {o.Cli} load --db {db} data-samples/   # the Hải Phòng (31) and Cần Thơ (92) samples");

        var briefing = new List<double>();
        var briefingCpu = new List<double>();
        var briefingHeld = new List<double>();
        var briefingHeldCpu = new List<double>();
        var communes = new List<double>();
        var communesCpu = new List<double>();
        int pages = 0;
        using var connection = WarehouseFile.Open(db, readOnly: true);
        var metrics = new MetricsService(connection);
        var renderer = new PdfRenderer();
        var options = new BriefingOptions();
        (double Wall, double Cpu) Briefing(MetricsService m) => Results.Measure(() =>
        {
            using var ms = new MemoryStream();
            pages = renderer.Render(BriefingBuilder.Build(m, "31", AsOf, options), ms);
        });
        var held = new SnapshotMetricsService(connection, new SnapshotValues());
        var children = metrics.Children("31").Where(u => u.Type is "xa" or "phuong" or "dac_khu").ToList();
        (double Wall, double Cpu) Communes() => Results.Measure(() =>
        {
            var fresh = new SnapshotMetricsService(connection, new SnapshotValues());
            var docs = children.Select(u => CommuneBriefContent.Build(BriefingBuilder.Gather(fresh, u.Code, AsOf), options)).ToList();
            Parallel.ForEach(docs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, d =>
            {
                using var ms = new MemoryStream();
                renderer.Render(d, ms);
            });
        });
        Briefing(metrics); // warm: fonts, plans, JIT
        Briefing(held); // fills the held values, as the dashboard's first view of the unit does
        for (var i = 0; i < o.Runs; i++)
        {
            var (w, c) = Briefing(metrics); briefing.Add(w); briefingCpu.Add(c);
            (w, c) = Briefing(held); briefingHeld.Add(w); briefingHeldCpu.Add(c);
        }
        results.Add(new Figure($"Hải Phòng briefing PDF, warm ({pages} pages): CPU", "s", briefingCpu, null, "", "", null, "CPU of this process; per-unit queries"));
        results.Add(new Figure($"Hải Phòng briefing PDF over the snapshot's held values (dashboard), warm ({pages} pages)", "s", briefingHeld, null, "", "< 1 s", Results.Median(briefingHeld) < 1,
            "in-process: BriefingBuilder.Build(MetricsService(connection, SnapshotValues filled by an earlier build)) + PdfRenderer.Render"));
        results.Add(new Figure($"Hải Phòng briefing PDF over the snapshot's held values (dashboard), warm ({pages} pages): CPU", "s", briefingHeldCpu, null, "", "", null, "CPU of this process"));
        results.Command("in-process: PdfRenderer.Render(BriefingBuilder.Build(metrics, \"31\", 2025-12-31, new BriefingOptions())) and CommuneBriefContent for each commune of 31");

        // the peers' method: Chromium printing the dashboard pages, served from the same warehouse
        var overview = new List<double>();
        var fivePages = new List<double>();
        using (var server = DashboardServer.Start(o, db, 5181))
        {
            string[] paths = ["/", "/revenue", "/indices", "/staffing", "/tasks"];
            foreach (var p in paths) Chromium(server.Url(p, "31", AsOf), o); // warm the server's cache and Chromium's disk cache
            for (var i = 0; i < o.Runs; i++)
            {
                var times = paths.Select(p => Chromium(server.Url(p, "31", AsOf), o)).ToList();
                overview.Add(times[0]);
                fivePages.Add(times.Sum());
            }
        }
        results.Add(new Figure($"Hải Phòng briefing PDF, warm ({pages} pages, 31 at {AsOf:yyyy-MM-dd})", "s", briefing, fivePages,
            "Chromium --print-to-pdf of the 5 dashboard pages", "< 1 s", Results.Median(briefing) < 1, "in-process: BriefingBuilder.Build (per-unit queries, as `analytics report`) + PdfRenderer.Render"));
        results.Add(new Figure("Chromium --print-to-pdf of the overview page alone", "s", overview, briefing,
            "our briefing", "(baseline)", null, "one browser launch per page"));
        results.Command($"/usr/bin/chromium {string.Join(' ', ChromiumArgs)} --print-to-pdf=OUT.pdf 'http://127.0.0.1:5181/PAGE?unit=31&as_of=2025-12-31'   # PAGE = /, /revenue, /indices, /staffing, /tasks; server: dotnet {o.Cli} serve --db {db} --urls http://127.0.0.1:5181");
        results.Write();

        for (var i = 0; i < o.Runs; i++)
        {
            var (w, c) = Communes();
            communes.Add(w);
            communesCpu.Add(c);
            var partial = i + 1 < o.Runs ? $"; only {i + 1} of {o.Runs} runs finished" : "";
            results.Add(new Figure($"all {children.Count} commune briefs of Hải Phòng: CPU", "s", communesCpu, null, "", "", null, "CPU of this process" + partial));
            results.Add(new Figure($"all {children.Count} commune briefs of Hải Phòng", "s", communes, null, "", "< 10 s", Results.Median(communes) < 10,
                "in-process as `analytics report --kind commune`: fresh SnapshotValues, Gather per commune, PDFs rendered in parallel" + partial));
            results.Write();
        }
    }

    private static readonly string[] ChromiumArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private static double Chromium(string url, BenchOptions o)
    {
        var pdf = Path.Combine(o.Work, "chromium.pdf");
        File.Delete(pdf);
        var profile = Path.Combine(o.Work, "chromium-profile");
        var r = Child.Run("/usr/bin/chromium", [.. ChromiumArgs, $"--user-data-dir={profile}", "--no-pdf-header-footer", $"--print-to-pdf={pdf}", url], mustSucceed: false);
        if (!File.Exists(pdf) || new FileInfo(pdf).Length < 1000) throw new InvalidOperationException($"Chromium wrote no PDF for {url}: {Child.Tail(r.Output)}");
        return r.Seconds;
    }
}
