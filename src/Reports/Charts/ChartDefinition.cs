using Analytics.Reports.Fonts;
using ScottPlot;

namespace Analytics.Reports.Charts;

/// <summary>One chart of the catalogue: a stable id, a Vietnamese title, and how to build it from its data.</summary>
public interface IChartDefinition
{
    /// <summary>Stable id, also the file name in a figure pack ("revenue-vs-target").</summary>
    string Id { get; }
    string TitleVi { get; }
    /// <summary>The record type <see cref="Build(object, FontSet?, bool)"/> expects (a list of records or one record).</summary>
    Type DataType { get; }
    /// <summary>The chart for <paramref name="data"/>, set in <paramref name="fonts"/> (default: the resolved document family).</summary>
    Plot Build(object data, FontSet? fonts = null, bool withTitle = true);
}

/// <summary>A typed chart definition; subclasses only say how the plot is composed.</summary>
public abstract class ChartDefinition<TData> : IChartDefinition where TData : notnull
{
    public abstract string Id { get; }
    public abstract string TitleVi { get; }
    public Type DataType => typeof(TData);

    public Plot Build(TData data, FontSet? fonts = null, bool withTitle = true)
    {
        fonts ??= FontResolver.Resolve();
        var plot = ChartStyle.NewPlot(fonts, withTitle ? TitleVi : "");
        if (!withTitle) plot.Axes.Title.IsVisible = false;
        Compose(plot, data);
        plot.Legend.SetBestFontOnEachRender = false;
        return plot;
    }

    Plot IChartDefinition.Build(object data, FontSet? fonts, bool withTitle) =>
        data is TData typed ? Build(typed, fonts, withTitle)
        : throw new ArgumentException($"chart {Id} takes {typeof(TData).Name}, not {data.GetType().Name}");

    protected abstract void Compose(Plot plot, TData data);

    /// <summary>A figure of this chart for a document: the definition with its data, a caption title and the note saying unit, period and selection.</summary>
    public Figure For(TData data, string? title = null, string? note = null) => new(this, data, title ?? TitleVi, note);
}

/// <summary>A chart definition bound to its data: what a document or a figure pack holds.</summary>
/// <param name="Note">unit, period and selection rule ("Đơn vị: tỷ đồng; lũy kế đến 31/05/2026; …"), printed under the chart</param>
public sealed record Figure(IChartDefinition Definition, object Data, string Title, string? Note = null)
{
    public Plot Build(FontSet? fonts = null, bool withTitle = true) => Definition.Build(Data, fonts, withTitle);
}
