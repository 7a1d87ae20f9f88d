using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.DataImports;

public sealed class ImportComplaintsTests
{
    private const string Header = "received_at,category,channel,segment,text,resolved_at\n";

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportComplaints_GoodRows_StoresEachFieldAsGiven(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var file = folder.Write("complaints.csv", Header +
            "2026-10-06T09:30:00Z, billing ,phone,north,\"Charged twice, no refund\",2026-10-07T12:00:00Z\n" +
            "2026-10-07 14:00,delay,,,Nobody called back,\n");

        var run = await CliRun.RunAsync(database, "import", "complaints", file, "--plan", ExampleData.CustomerPlan);

        Assert.True(run.ExitCode == 0, run.Error);
        await using var db = database.CreateContext();
        var complaints = await db.Complaints.OrderBy(c => c.ReceivedAt).ToListAsync();
        Assert.Equal(
            [
                (new DateTime(2026, 10, 6, 9, 30, 0, DateTimeKind.Utc), "billing", "phone", "north", "Charged twice, no refund", (DateTime?)new DateTime(2026, 10, 7, 12, 0, 0, DateTimeKind.Utc)),
                (new DateTime(2026, 10, 7, 14, 0, 0, DateTimeKind.Utc), "delay", null, null, "Nobody called back", null),
            ],
            complaints.Select(c => (c.ReceivedAt, c.Category, c.Channel, c.Segment, c.Text, c.ResolvedAt)));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportComplaints_ResolvedBeforeReceivedOrNoText_ExitsTwoAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var file = folder.Write("complaints.csv", Header +
            "2026-10-06T09:30:00Z,billing,phone,north,Charged twice,2026-10-07T12:00:00Z\n" +
            "2026-10-08T09:30:00Z,billing,phone,north,Charged twice,2026-10-07T12:00:00Z\n" +
            "2026-10-08T09:30:00Z,,phone,north,,\n");

        var run = await CliRun.RunAsync(database, "import", "complaints", file, "--plan", ExampleData.CustomerPlan);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                $"{file}:3:resolved_at: resolved_at 2026-10-07T12:00:00Z is before received_at 2026-10-08T09:30:00Z",
                $"{file}:4:category: category is empty",
                $"{file}:4:text: text is empty",
            ],
            run.ErrorLines[..3]);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Complaints.CountAsync());
    }

    [Theory]
    [InlineData("", "1: the file has no header; its first line must name the columns, starting with received_at,category,channel,segment,text")]
    [InlineData("received_at,category,channel,segment,text,Category\n", "1:Category: column 'Category' appears twice (columns 2 and 6)")]
    [InlineData("received_at,category,channel,segment,text,priority\n",
        "1:priority: unknown column 'priority': a complaints file has received_at, category, channel, segment, text and optionally resolved_at")]
    public async Task ImportComplaints_BadHeaderEvenWithSkipBad_ExitsTwoOnRowOne(string content, string error)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var row = content.Length == 0 ? string.Empty : "2026-10-06T09:30:00Z,billing,phone,north,Charged twice,\n";
        var file = folder.Write("complaints.csv", content + row);

        var run = await CliRun.RunAsync(database, "import", "complaints", file, "--plan", ExampleData.CustomerPlan, "--skip-bad");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{file}:{error}", run.ErrorLines[0]);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Complaints.CountAsync());
    }

    [Fact]
    public async Task ImportComplaints_PlanWithoutComplaints_ExitsTwoSayingSo()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);

        var run = await CliRun.RunAsync(database, "import", "complaints", ExampleData.Complaints, "--plan", ExampleData.StaffPlan);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("Plan 'staff-pulse' does not collect complaints (its methods: survey)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportComplaints_UnknownPlan_ExitsTwoSayingWhichPlan()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, "import", "complaints", ExampleData.Complaints, "--plan", "nope");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("No plan 'nope' in tenant local", run.Error, StringComparison.Ordinal);
    }
}
