using System.Text;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.DataImports;

public sealed class ImportResponsesErrorTests
{
    private const string Header = "respondent_id,submitted_at,audience,segment,duration_seconds,satisfaction,comment";

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportResponses_FileWithErrors_ExitsTwoNamingRowAndColumnAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleData.ApplyPlansAsync(database);
        var file = ExampleData.ResponsesWithErrors;

        var run = await CliRun.RunAsync(database, "import", "responses", file, "--plan", "customer-experience", "--cycle", "2026-10-12..2026-10-18");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Equal(
            [
                $"{file}:3:submitted_at: 'last Tuesday' is not an ISO 8601 date and time, such as 2026-10-05T14:30:00Z or 2026-10-05 14:30 (no offset means UTC)",
                $"{file}:4:audience: 'client' is not an audience; use customer or staff",
                $"{file}:6:respondent_id: respondent_id is empty; every response needs the id of who gave it",
                $"{file}:7:audience: plan 'customer-experience' does not ask staff respondents (its audiences: customer)",
                $"{file}:8:duration_seconds: 'about a minute' is not a number of seconds, such as 95 or 95.5",
                $"{file}:10:submitted_at: '2026-10-14T25:10:00Z' is not an ISO 8601 date and time, such as 2026-10-05T14:30:00Z or 2026-10-05 14:30 (no offset means UTC)",
                $"{file}:10:duration_seconds: duration_seconds is -40; a duration cannot be negative",
                $"{file}:12:comment: a double quote inside a value that does not start with one; quote the whole value and double the quotes inside it (\"say \"\"hi\"\"\")",
                $"Nothing was stored: 8 error(s) in 7 row(s) of {file}. Fix them and import the file again, or store only the good rows with --skip-bad.",
            ],
            run.ErrorLines);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Responses.CountAsync());
        Assert.Equal(0, await db.ReviewCycles.CountAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportResponses_SkipBad_StoresTheGoodRowsAndListsEachSkippedOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleData.ApplyPlansAsync(database);
        var file = ExampleData.ResponsesWithErrors;

        var run = await CliRun.RunAsync(
            database, "import", "responses", file, "--plan", "customer-experience", "--cycle", "2026-10-12..2026-10-18", "--skip-bad");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("imported 4 responses into customer-experience 2026-10-12..2026-10-18 (4 added, 0 already present, 7 skipped", run.Out,
            StringComparison.Ordinal);
        Assert.Equal([3, 4, 6, 7, 8, 10, 12], run.ErrorLines.Select(l => int.Parse(l.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)).Distinct());
        await using var db = database.CreateContext();
        Assert.Equal(
            ["c:CUST-90000", "c:CUST-90001", "c:CUST-90002", "c:CUST-90003"],
            await db.Responses.Select(r => r.RespondentKey).OrderBy(k => k).ToListAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportResponses_UnknownAndMissingColumns_ExitTwoNamingEachColumn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var file = folder.Write("typo.csv", "respondent_id,submitted_at,audience,satisfation\nC1,2026-10-06T10:00:00Z,customer,4\n");

        var run = await CliRun.RunAsync(database, "import", "responses", file, "--plan", "customer-experience", "--cycle", "2026-10-05..2026-10-11");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                $"{file}:1:satisfation: unknown column 'satisfation': it is not one of respondent_id, submitted_at, audience, segment, duration_seconds " +
                    "and not a question of plan 'customer-experience' (its questions: satisfaction, recommend, effort, first_contact, speed, " +
                    "kept_promises, understood, kept_informed, contact_channel, comment)",
                $"{file}:1:segment: required column 'segment' is missing",
                $"Nothing was stored: the columns of {file} are not right.",
            ],
            run.ErrorLines);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportResponses_UnknownPlan_ExitsTwoSayingWhichPlan(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleData.ApplyPlansAsync(database);

        var run = await CliRun.RunAsync(
            database, "import", "responses", ExampleData.PreviousCustomerResponses, "--plan", "customer-experiense", "--cycle", "2026-10-05..2026-10-11");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("No plan 'customer-experiense' in tenant local; see 'feedbackbot plans list'", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-10-11..2026-10-05", "ends before it starts")]
    [InlineData("2026-10-05", "--cycle must be START..END")]
    [InlineData("05/10/2026..11/10/2026", "--cycle must be START..END")]
    public async Task ImportResponses_BadCycleDates_ExitsTwoExplainingTheForm(string cycle, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, "import", "responses", ExampleData.PreviousCustomerResponses, "--plan", "customer-experience", "--cycle", cycle);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportResponses_MissingFile_ExitsTwoNamingIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, "import", "responses", "nowhere/responses.csv", "--plan", "customer-experience", "--cycle", "2026-10-05..2026-10-11");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["nowhere/responses.csv: no such file."], run.ErrorLines);
    }

    [Fact]
    public async Task ImportResponses_ValueLineBreaksBeforeAnError_ReportsTheLineTheRowStartsOn()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var file = folder.Write("multiline.csv",
            Header + "\n" +
            "C1,2026-10-06T10:00:00Z,customer,north,60,4,\"First line\nsecond line\nthird line\"\n" +
            "\n" +
            "C2,2026-10-06T11:00:00Z,shopper,north,60,4,\n");

        var run = await CliRun.RunAsync(database, "import", "responses", file, "--plan", "customer-experience", "--cycle", "2026-10-05..2026-10-11");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{file}:6:audience: 'shopper' is not an audience; use customer or staff", run.ErrorLines[0]);
    }

    [Fact]
    public async Task ImportResponses_TooLongValues_AreRowErrors()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var text = new StringBuilder()
            .AppendLine(Header)
            .AppendLine(FormattableString.Invariant($"C1,2026-10-06T10:00:00Z,customer,north,60,4,{new string('x', 4001)}"))
            .AppendLine(FormattableString.Invariant($"{new string('7', 199)},2026-10-06T10:00:00Z,customer,north,60,4,"))
            .AppendLine(FormattableString.Invariant($"C3,2026-10-06T10:00:00Z,customer,north,60,4,{new string('y', 4000)}"));
        var file = folder.Write("long.csv", text.ToString());

        var run = await CliRun.RunAsync(database, "import", "responses", file, "--plan", "customer-experience", "--cycle", "2026-10-05..2026-10-11");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            [
                $"{file}:2:comment: the answer is 4,001 characters long; at most 4,000 are kept",
                $"{file}:3:respondent_id: respondent_id is 199 characters long; at most 198 are kept",
            ],
            run.ErrorLines[..2]);
    }
}
