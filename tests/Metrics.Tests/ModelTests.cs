using Dapper;

namespace Analytics.Metrics.Tests;

/// <summary>
/// dbt-style model tests on the acceptance examples: each query counts the rows that break a
/// model's promise (grain unique, relationships, cross-column rules); every count must be 0.
/// </summary>
public sealed class ModelTests : IClassFixture<ModelTests.Examples>
{
    public sealed class Examples : IDisposable
    {
        public TestWarehouse Warehouse { get; } = new TestWarehouse().AcceptanceExamples();
        public void Dispose() => Warehouse.Dispose();
    }

    private readonly Examples _examples;

    public ModelTests(Examples examples) => _examples = examples;

    [Theory]
    [InlineData("unit tree: one row per (ancestor, unit)", "select count(*) - count(distinct (ancestor_code, unit_code)) from marts.unit_tree")]
    [InlineData("unit tree: every unit is its own ancestor at distance 0", "select count(*) from staging.units u where not exists (select 1 from marts.unit_tree t where t.ancestor_code = u.unit_code and t.unit_code = u.unit_code and t.distance = 0)")]
    [InlineData("unit tree: a commune rolls up to its province", "select count(*) from staging.units u where u.parent_code is not null and not exists (select 1 from marts.unit_tree t where t.ancestor_code = u.parent_code and t.unit_code = u.unit_code and t.distance = 1)")]
    [InlineData("staffing cell: never both short and over", "select count(*) from staging.staffing where shortage > 0 and surplus > 0")]
    [InlineData("staffing cell: net gap = surplus − shortage", "select count(*) from staging.staffing where net_gap <> surplus - shortage")]
    [InlineData("revenue: one row per unit, month and category (a given parent is never derived again)", "select count(*) - count(distinct (unit_code, year, month, category)) from staging.revenue")]
    [InlineData("revenue: every category is in the tree", "select count(*) from staging.revenue r where r.category not in (select category from staging.revenue_categories)")]
    [InlineData("month ends: each is the last day of its month", "select count(*) from marts.month_ends where month_end <> last_day(month_end)")]
    [InlineData("indicator values: one row per unit, date, indicator and dims", "select count(*) - count(distinct (unit_code, as_of, indicator_id, dims::varchar)) from metrics.indicator_values")]
    [InlineData("indicator values: every id is in the catalogue", "select count(*) from metrics.indicator_values v where v.indicator_id not in (select indicator_id from metrics.indicator_catalogue)")]
    [InlineData("indicator values: status only in dat | can_co_gang | chua_dat", "select count(*) from metrics.indicator_values where status is not null and status not in ('dat', 'can_co_gang', 'chua_dat')")]
    [InlineData("indicator values: no status without a value", "select count(*) from metrics.indicator_values where value is null and status is not null")]
    [InlineData("task status: one class per task and date", "select count(*) - count(distinct (task_id, as_of)) from metrics.task_status_at(null, (select list(month_end) from marts.month_ends))")]
    public void Promise_holds(string promise, string violationsSql)
    {
        var violations = _examples.Warehouse.Connection.ExecuteScalar<long>(violationsSql);
        Assert.True(violations == 0, $"{promise}: {violations} rows break it");
    }

    [Fact]
    public void Analysts_view_covers_every_unit_and_month_end()
    {
        // 6 units × 16 month ends (2025-01 … 2026-04), each with its tasks.total
        var count = _examples.Warehouse.Connection.ExecuteScalar<long>("select count(*) from metrics.indicator_values where indicator_id = 'tasks.total' and dims::varchar = '{}'");
        Assert.Equal(6 * 16, count);
        var value = _examples.Warehouse.Connection.ExecuteScalar<double>("select value from metrics.indicator_values where unit_code = '98' and as_of = '2026-03-31' and indicator_id = 'revenue.ytd' and json_extract_string(dims, '$.category') = 'tong_thu'");
        Assert.Equal(48.0, value);
    }
}
