using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.DataImports;

public sealed class ImportMetricsTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportMetrics_ChangedValue_UpdatesItAndLeavesTheRestAlone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var first = folder.Write("first.csv",
            "date,metric,value,segment\n2026-10-05,first_response_minutes,41.5,north\n2026-10-05,first_response_minutes,39,\n");
        var corrected = folder.Write("corrected.csv",
            "date,metric,value,segment\n2026-10-05,first_response_minutes,44.25,north\n2026-10-05,first_response_minutes,39.0,\n" +
            "2026-10-06,first_response_minutes,50,north\n");
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "metrics", first, "--plan", ExampleData.CustomerPlan)).ExitCode);

        var run = await CliRun.RunAsync(database, "import", "metrics", corrected, "--plan", ExampleData.CustomerPlan);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("imported 3 metric values into customer-experience (1 added, 1 updated, 1 unchanged, 0 skipped)", run.Out.Trim());
        await using var db = database.CreateContext();
        var values = await db.OperationalMetricValues.OrderBy(v => v.Date).ThenBy(v => v.Segment).ToListAsync();
        Assert.Equal(
            [(new DateOnly(2026, 10, 5), "", 39.0), (new DateOnly(2026, 10, 5), "north", 44.25), (new DateOnly(2026, 10, 6), "north", 50.0)],
            values.Select(v => (v.Date, v.Segment, v.Value)));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportMetrics_MetricTheKpisDoNotName_ExitsTwoListingTheAllowedOnes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var file = folder.Write("metrics.csv",
            "date,metric,value\n2026-10-05,first_response_minutes,41.5\n2026-10-05,handling_time,7\n5/10/2026,first_response_minutes,\"1,200\"\n");

        var run = await CliRun.RunAsync(database, "import", "metrics", file, "--plan", ExampleData.CustomerPlan);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                $"{file}:3:metric: 'handling_time' is not an operational metric of plan 'customer-experience'; expected one of: first_response_minutes",
                $"{file}:4:date: '5/10/2026' is not a date written yyyy-MM-dd, such as 2026-10-05",
                $"{file}:4:value: '1,200' is not a number such as 42 or 37.5 (a '.' for decimals, no thousands separators)",
            ],
            run.ErrorLines[..3]);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.OperationalMetricValues.CountAsync());
    }

    [Fact]
    public async Task ImportMetrics_PlanWithoutOperationalKpis_ExitsTwoSayingSo()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);

        var run = await CliRun.RunAsync(database, "import", "metrics", ExampleData.Metrics, "--plan", ExampleData.StaffPlan);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("Plan 'staff-pulse' has no operational KPI", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportMetrics_SkipBad_StoresTheGoodRows()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var file = folder.Write("metrics.csv", "date,metric,value\n2026-10-05,first_response_minutes,41.5\n2026-10-06,first_response_minutes,soon\n");

        var run = await CliRun.RunAsync(database, "import", "metrics", file, "--plan", ExampleData.CustomerPlan, "--skip-bad");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("imported 1 metric values into customer-experience (1 added, 0 updated, 0 unchanged, 1 skipped)", run.Out.Trim());
        Assert.Equal([$"{file}:3:value: 'soon' is not a number such as 42 or 37.5 (a '.' for decimals, no thousands separators)"], run.ErrorLines);
    }

    [Fact]
    public async Task ImportMetrics_UnclosedQuoteAfterAFullBatch_ExitsTwoAndStoresNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var text = new System.Text.StringBuilder("date,metric,value,segment\n");
        for (var i = 0; i < 1500; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"2026-10-05,first_response_minutes,41.5,team-{i}\n");
        }

        // A value whose quote is never closed runs on past the longest record the reader accepts.
        text.Append("2026-10-06,first_response_minutes,\"").Append('9', 5 * 1024 * 1024).Append('\n');
        var file = folder.Write("metrics.csv", text.ToString());

        var run = await CliRun.RunAsync(database, "import", "metrics", file, "--plan", ExampleData.CustomerPlan, "--skip-bad");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"{file}:1502: the file cannot be read past here", run.Error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.OperationalMetricValues.CountAsync());
    }
}
