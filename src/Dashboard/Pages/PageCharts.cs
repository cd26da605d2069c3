using Analytics.Metrics;
using Analytics.Reports.Briefing;
using Analytics.Reports.Charts;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// The pages' charts are the briefing's: the reports layer gathers the view's briefing data from
/// the metrics layer and lists its figures (FigurePack.For); a page shows those of its area as
/// SVG. One chart definition and one set of chart data, in the PDF and on the screen.
/// </summary>
public static class PageCharts
{
    /// <summary>The charts each area page shows, by chart id, in order.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ByArea = new Dictionary<string, string[]>
    {
        ["tasks"] = [ChartCatalogue.TaskStatus.Id, ChartCatalogue.OverdueDays.Id],
        ["staffing"] = [ChartCatalogue.StaffingShortage.Id, ChartCatalogue.CommuneShortage.Id],
        ["indices"] = [ChartCatalogue.IndexRanks.Id, ChartCatalogue.ComponentScores.Id],
        ["revenue"] = [ChartCatalogue.RevenueAgainstTarget.Id, ChartCatalogue.CumulativeRevenue.Id, ChartCatalogue.GrdpGrowth.Id],
    };

    /// <summary>The briefing data of the view (cached per snapshot, unit and date).</summary>
    public static BriefingData Briefing(DashboardView v) =>
        v.Cached("briefing", () => BriefingBuilder.Gather(v.Metrics, v.Unit.Code, v.AsOf));

    /// <summary>The chart with its data for the view, or null when the view has nothing to draw.</summary>
    public static Figure? Build(string chartId, DashboardView v) =>
        v.Cached("figures", () => FigurePack.For(Briefing(v))).FirstOrDefault(f => f.Definition.Id == chartId);
}
