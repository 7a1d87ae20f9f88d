using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.DataImports;

public sealed class ImportExampleDataTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Import_EveryExampleFile_StoresEveryRowOfIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleData.ApplyPlansAsync(database);

        var runs = new[]
        {
            await Responses(database, ExampleData.PreviousCustomerResponses, ExampleData.CustomerPlan, ExampleData.PreviousCustomerCycle),
            await Responses(database, ExampleData.CurrentCustomerResponses, ExampleData.CustomerPlan, ExampleData.CurrentCustomerCycle),
            await Responses(database, ExampleData.PreviousStaffResponses, ExampleData.StaffPlan, ExampleData.PreviousStaffCycle),
            await Responses(database, ExampleData.CurrentStaffResponses, ExampleData.StaffPlan, ExampleData.CurrentStaffCycle),
            await CliRun.RunAsync(database, "import", "complaints", ExampleData.Complaints, "--plan", ExampleData.CustomerPlan),
            await CliRun.RunAsync(database, "import", "metrics", ExampleData.Metrics, "--plan", ExampleData.CustomerPlan),
        };

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Error));

        // The customer files each hold one satisfaction of 6, planted for the review's out-of-range count: kept, and said.
        Assert.Equal(
            $"{ExampleData.PreviousCustomerResponses}:284:satisfaction: warning: '6' is not an answer to question 'satisfaction' (a whole number from 1 to 5); stored as given, and the review counts this response as out of range",
            runs[0].Error.Trim());
        Assert.Equal(
            $"{ExampleData.CurrentCustomerResponses}:42:satisfaction: warning: '6' is not an answer to question 'satisfaction' (a whole number from 1 to 5); stored as given, and the review counts this response as out of range",
            runs[1].Error.Trim());
        Assert.All(runs.Skip(2), run => Assert.Empty(run.Error));
        Assert.EndsWith("; 1 answer(s) in 1 response(s) are not allowed for their question and were stored as given: the review counts those responses as out of range",
            runs[1].Out.Trim(), StringComparison.Ordinal);
        Assert.StartsWith(
            "imported 307 responses into customer-experience 2026-10-05..2026-10-11 (307 added, 0 already present, 0 skipped; new cycle, closed",
            runs[0].Out, StringComparison.Ordinal);
        Assert.Contains("imported 347 responses into customer-experience 2026-10-12..2026-10-18 (347 added", runs[1].Out, StringComparison.Ordinal);
        Assert.Contains("imported 47 responses into staff-pulse 2026-10-05..2026-10-09 (47 added", runs[2].Out, StringComparison.Ordinal);
        Assert.Contains("imported 43 responses into staff-pulse 2026-10-12..2026-10-16 (43 added", runs[3].Out, StringComparison.Ordinal);
        Assert.Equal("imported 60 complaints into customer-experience (60 added, 0 already present, 0 skipped)", runs[4].Out.Trim());
        Assert.Equal("imported 42 metric values into customer-experience (42 added, 0 updated, 0 unchanged, 0 skipped)", runs[5].Out.Trim());

        await using var db = database.CreateContext();
        var perCycle = await db.Responses
            .GroupBy(r => new { r.Cycle!.Plan!.Key, r.Cycle.StartsAt })
            .Select(g => new { g.Key.Key, g.Key.StartsAt, Count = g.Count() })
            .ToListAsync();
        Assert.Equal(
            [("customer-experience", 5, 307), ("customer-experience", 12, 347), ("staff-pulse", 5, 47), ("staff-pulse", 12, 43)],
            perCycle.Select(c => (c.Key, c.StartsAt.Day, c.Count)).Order());
        Assert.All(await db.ReviewCycles.ToListAsync(), c => Assert.Equal(CycleState.Closed, c.State));
        Assert.Equal(60, await db.Complaints.CountAsync());
        Assert.Equal(42, await db.OperationalMetricValues.CountAsync());

        // Every non-empty answer cell of the files is an answer row.
        var answerCells = new[] { ExampleData.PreviousCustomerResponses, ExampleData.CurrentCustomerResponses }
            .Sum(f => ExampleData.Rows(f).Sum(r => r.Skip(5).Count(c => c.Trim().Length > 0)));
        var customerAnswers = await db.Answers.CountAsync(a => a.Question!.PlanVersion!.Plan!.Key == ExampleData.CustomerPlan);
        Assert.Equal(answerCells, customerAnswers);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Import_EveryExampleFileTwice_AddsNothingTheSecondTime(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleData.ApplyPlansAsync(database);
        Assert.Equal(0, (await Responses(database, ExampleData.CurrentCustomerResponses, ExampleData.CustomerPlan, ExampleData.CurrentCustomerCycle)).ExitCode);
        Assert.Equal(0, (await Responses(database, ExampleData.CurrentStaffResponses, ExampleData.StaffPlan, ExampleData.CurrentStaffCycle)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "complaints", ExampleData.Complaints, "--plan", ExampleData.CustomerPlan)).ExitCode);

        var customers = await Responses(database, ExampleData.CurrentCustomerResponses, ExampleData.CustomerPlan, ExampleData.CurrentCustomerCycle);
        var staff = await Responses(database, ExampleData.CurrentStaffResponses, ExampleData.StaffPlan, ExampleData.CurrentStaffCycle);
        var complaints = await CliRun.RunAsync(database, "import", "complaints", ExampleData.Complaints, "--plan", ExampleData.CustomerPlan);

        Assert.Contains("(0 added, 347 already present, 0 skipped)", customers.Out, StringComparison.Ordinal);
        Assert.Contains("(0 added, 43 already present, 0 skipped)", staff.Out, StringComparison.Ordinal);
        Assert.Contains("(0 added, 60 already present, 0 skipped)", complaints.Out, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(347 + 43, await db.Responses.CountAsync());
        Assert.Equal(2, await db.ReviewCycles.CountAsync());
        Assert.Equal(60, await db.Complaints.CountAsync());
    }

    private static Task<CliRun> Responses(TestDatabase database, string file, string plan, string cycle) =>
        CliRun.RunAsync(database, "import", "responses", file, "--plan", plan, "--cycle", cycle);
}
