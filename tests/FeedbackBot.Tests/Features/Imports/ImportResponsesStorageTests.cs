using System.Globalization;
using System.Text;
using FeedbackBot.Core.Plans;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.DataImports;

public sealed class ImportResponsesStorageTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportResponses_StaffFiles_NeverStoreTheRawStaffIds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleData.ApplyPlansAsync(database);
        var files = new[] { (ExampleData.PreviousStaffResponses, ExampleData.PreviousStaffCycle), (ExampleData.CurrentStaffResponses, ExampleData.CurrentStaffCycle) };
        foreach (var (file, cycle) in files)
        {
            var run = await CliRun.RunAsync(database, "import", "responses", file, "--plan", ExampleData.StaffPlan, "--cycle", cycle);
            Assert.True(run.ExitCode == 0, run.Error);
        }

        var rawIds = files.SelectMany(f => ExampleData.Rows(f.Item1)).Select(r => r[0]).Distinct().ToList();
        await using var db = database.CreateContext();
        var responses = await db.Responses.Include(r => r.Answers).ToListAsync();
        var texts = responses
            .SelectMany(r => typeof(Response).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (string?)p.GetValue(r)))
            .Concat(responses.SelectMany(r => r.Answers).Select(a => a.Value))
            .OfType<string>()
            .ToList();
        Assert.NotEmpty(rawIds);
        foreach (var id in rawIds)
        {
            // The part after "29:" is what identifies the person; look for that too, in any case.
            var distinctive = id[3..];
            Assert.DoesNotContain(texts, t => t.Contains(distinctive, StringComparison.OrdinalIgnoreCase));
        }

        Assert.All(responses, r => Assert.StartsWith("s:", r.RespondentKey, StringComparison.Ordinal));
        Assert.All(responses, r => Assert.Equal(CollectionMethod.Survey, r.Method));

        // The same person's keys in two cycles cannot be linked without the installation's secret.
        var keysByCycle = responses.GroupBy(r => r.CycleId).Select(g => g.Select(r => r.RespondentKey).ToHashSet()).ToList();
        Assert.Equal(2, keysByCycle.Count);
        Assert.Empty(keysByCycle[0].Intersect(keysByCycle[1]));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportResponses_ValuesOutOfRangeOrOutsideTheWindow_AreStoredAsGiven(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var file = folder.Write("values.csv",
            "respondent_id,submitted_at,audience,segment,duration_seconds,satisfaction,first_contact,contact_channel,recommend,comment\n" +
            "C1,2026-10-06T10:00:00+02:00,customer,north,60, 6 , Yes ,email,9.5,\"  Great service, thanks  \"\n" +
            "C2,2026-10-20 09:00,Customer,,,,,,,\n");

        var run = await CliRun.RunAsync(database, "import", "responses", file, "--plan", ExampleData.CustomerPlan, "--cycle", "2026-10-05..2026-10-11");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(
            [
                $"{file}:2:satisfaction: warning: '6' is not an answer to question 'satisfaction' (a whole number from 1 to 5); stored as given, and the review counts this response as out of range",
                $"{file}:2:recommend: warning: '9.5' is not an answer to question 'recommend' (a whole number from 0 to 10); stored as given, and the review counts this response as out of range",
            ],
            run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.EndsWith(
            "; 2 answer(s) in 1 response(s) are not allowed for their question and were stored as given: the review counts those responses as out of range",
            run.Out.Trim(), StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var responses = await db.Responses.Include(r => r.Answers).ThenInclude(a => a.Question).OrderBy(r => r.RespondentKey).ToListAsync();
        Assert.Equal(["c:C1", "c:C2"], responses.Select(r => r.RespondentKey));

        var first = responses[0];
        Assert.Equal(new DateTime(2026, 10, 6, 8, 0, 0, DateTimeKind.Utc), first.SubmittedAt);
        Assert.Equal(CollectionMethod.WebLink, first.Method);
        Assert.Equal("north", first.Segment);
        Assert.Equal(60, first.DurationSeconds);
        var answers = first.Answers.ToDictionary(a => a.Question!.Key, a => (a.Value, a.Number));
        Assert.Equal(("6", (double?)null), answers["satisfaction"]);
        Assert.Equal(("yes", (double?)1), answers["first_contact"]);
        Assert.Equal(("Email", (double?)null), answers["contact_channel"]);
        Assert.Equal(("9.5", (double?)null), answers["recommend"]);
        Assert.Equal(("Great service, thanks", (double?)null), answers["comment"]);
        Assert.Equal(5, answers.Count);

        var second = responses[1];
        Assert.Equal(new DateTime(2026, 10, 20, 9, 0, 0, DateTimeKind.Utc), second.SubmittedAt);
        Assert.Null(second.Segment);
        Assert.Null(second.DurationSeconds);
        Assert.Empty(second.Answers);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportResponses_SameDatesAgain_ReusesTheCycleAndOverlappingDatesAreRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        const string header = "respondent_id,submitted_at,audience,segment,satisfaction\n";
        var monday = folder.Write("monday.csv", header + "C1,2026-10-05T10:00:00Z,customer,north,4\nC2,2026-10-05T11:00:00Z,customer,south,5\n");
        var tuesday = folder.Write("tuesday.csv", header + "C3,2026-10-06T10:00:00Z,customer,north,3\n");

        var first = await CliRun.RunAsync(database, "import", "responses", monday, "--plan", ExampleData.CustomerPlan, "--cycle", "2026-10-05..2026-10-11");
        var second = await CliRun.RunAsync(database, "import", "responses", tuesday, "--plan", ExampleData.CustomerPlan, "--cycle", "2026-10-05..2026-10-11");
        var overlapping = await CliRun.RunAsync(database, "import", "responses", tuesday, "--plan", ExampleData.CustomerPlan, "--cycle", "2026-10-08..2026-10-14");

        Assert.Contains("new cycle", first.Out, StringComparison.Ordinal);
        Assert.Equal("imported 1 responses into customer-experience 2026-10-05..2026-10-11 (1 added, 0 already present, 0 skipped)", second.Out.Trim());
        Assert.Equal(2, overlapping.ExitCode);
        Assert.StartsWith("Plan 'customer-experience' already has a cycle 2026-10-05..2026-10-11, which overlaps --cycle 2026-10-08..2026-10-14",
            overlapping.Error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var cycle = await db.ReviewCycles.SingleAsync();
        Assert.Equal(new DateTime(2026, 10, 5, 0, 0, 0, DateTimeKind.Utc), cycle.StartsAt);
        Assert.Equal(new DateTime(2026, 10, 12, 0, 0, 0, DateTimeKind.Utc), cycle.EndsAt);
        Assert.Equal(3, await db.Responses.CountAsync(r => r.CycleId == cycle.Id));
    }

    [Fact]
    public async Task ImportResponses_ManyValuesNotAllowed_ShowsTheFirstWarningsAndCountsTheRest()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var rows = new StringBuilder("respondent_id,submitted_at,audience,segment,satisfaction,first_contact\n");
        for (var i = 0; i < 25; i++)
        {
            // Every row: one value out of range; rows 0, 5, 10 ... also a yes/no answer that is neither.
            rows.Append(CultureInfo.InvariantCulture, $"C{i},2026-10-06T10:00:00Z,customer,north,{6 + i},{(i % 5 == 0 ? "maybe" : "yes")}\n");
        }

        var file = folder.Write("many.csv", rows.ToString());

        var run = await CliRun.RunAsync(database, "import", "responses", file, "--plan", ExampleData.CustomerPlan, "--cycle", "2026-10-05..2026-10-11");

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(FeedbackBot.Features.Imports.ImportRun.MaxWarningsShown + 1, lines.Length);
        Assert.StartsWith($"{file}:2:satisfaction: warning: '6' is not an answer", lines[0], StringComparison.Ordinal);
        Assert.Equal($"{file}:2:first_contact: warning: 'maybe' is not an answer to question 'first_contact' (yes or no); stored as given, and the review counts this response as out of range", lines[1]);
        Assert.Equal("... and 10 more warning(s).", lines[^1]);
        Assert.EndsWith("; 30 answer(s) in 25 response(s) are not allowed for their question and were stored as given: the review counts those responses as out of range",
            run.Out.Trim(), StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(25, await db.Responses.CountAsync());
    }

    [Fact]
    public async Task ImportResponses_AllValuesAllowed_WarnsAboutNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);

        var run = await CliRun.RunAsync(database, "import", "responses", ExampleData.CurrentStaffResponses, "--plan", ExampleData.StaffPlan, "--cycle", ExampleData.CurrentStaffCycle);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Empty(run.Error.Trim());
        Assert.DoesNotContain("not allowed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportResponses_WindowNotOverYet_MakesAnOpenCycle()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var file = folder.Write("future.csv", "respondent_id,submitted_at,audience,segment,satisfaction\nC1,2099-01-05T10:00:00Z,customer,north,4\n");

        var run = await CliRun.RunAsync(database, "import", "responses", file, "--plan", ExampleData.CustomerPlan, "--cycle", "2099-01-05..2099-01-11");

        Assert.Contains("new cycle, open", run.Out, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(CycleState.Open, (await db.ReviewCycles.SingleAsync()).State);
    }

    [Fact]
    public async Task ImportResponses_ReusedCycleAfterThePlanChanged_KeepsTheCyclesQuestions()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        const string plan = "id: pulse\nname: Pulse\naudiences: [staff]\nfeatures: [responsiveness]\n" +
            "kpis:\n  - id: speed_mean\n    metric: mean\n    question: speed\n    target: 4\nquestions:\n" +
            "  - id: speed\n    text: Customers get a reply quickly.\n    type: rating5\n    feature: responsiveness\n";
        Assert.Equal(0, (await CliRun.RunAsync(database, "plans", "apply", folder.Write("v1.yaml", plan))).ExitCode);
        var before = folder.Write("before.csv", "respondent_id,submitted_at,audience,segment,speed\nU1,2026-10-05T10:00:00Z,staff,phones,4\n");
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "responses", before, "--plan", "pulse", "--cycle", "2026-10-05..2026-10-09")).ExitCode);
        var changed = plan + "  - id: comment\n    text: Anything else?\n    type: text\n";
        Assert.Equal(0, (await CliRun.RunAsync(database, "plans", "apply", folder.Write("v2.yaml", changed))).ExitCode);
        var after = folder.Write("after.csv", "respondent_id,submitted_at,audience,segment,speed,comment\nU2,2026-10-06T10:00:00Z,staff,phones,3,More staff\n");

        var oldCycle = await CliRun.RunAsync(database, "import", "responses", after, "--plan", "pulse", "--cycle", "2026-10-05..2026-10-09");
        var newCycle = await CliRun.RunAsync(database, "import", "responses", after, "--plan", "pulse", "--cycle", "2026-10-12..2026-10-16");

        Assert.Equal(2, oldCycle.ExitCode);
        Assert.StartsWith($"{after}:1:comment: unknown column 'comment'", oldCycle.Error, StringComparison.Ordinal);
        Assert.True(newCycle.ExitCode == 0, newCycle.Error);
        Assert.Contains("plan version 2", newCycle.Out, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task ImportResponses_DuplicateRowInALaterBatch_IsCountedAsAlreadyPresent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleData.ApplyPlansAsync(database);
        using var folder = new TempFolder();
        var text = new StringBuilder("respondent_id,submitted_at,audience,segment,satisfaction\n");
        for (var i = 0; i < 2500; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"C{i},2026-10-06T10:00:00Z,customer,north,{(i % 5) + 1}\n");
        }

        // The second row again, two batches later: only the database still knows it was seen.
        text.Append("C1,2026-10-06T10:00:00Z,customer,north,2\n");
        var file = folder.Write("many.csv", text.ToString());

        var run = await CliRun.RunAsync(database, "import", "responses", file, "--plan", ExampleData.CustomerPlan, "--cycle", "2026-10-05..2026-10-11");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("imported 2,501 responses into customer-experience 2026-10-05..2026-10-11 (2,500 added, 1 already present, 0 skipped",
            run.Out, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(2500, await db.Responses.CountAsync());
        Assert.Equal(2500, await db.Answers.CountAsync());
    }
}
