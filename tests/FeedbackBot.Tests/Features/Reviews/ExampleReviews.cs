using FeedbackBot.Testing;
using FeedbackBot.Tests.Features.DataImports;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Features.Reviews;

/// <summary>The example plans and all the example data, imported as a new user would, ready to review.</summary>
internal static class ExampleReviews
{
    /// <param name="database">The database to import into.</param>
    /// <param name="customerPlanAddition">YAML appended to the example customer plan before anything is imported, so its cycles run under it.</param>
    public static async Task ImportAllAsync(TestDatabase database, string? customerPlanAddition = null)
    {
        await ExampleData.ApplyPlansAsync(database);
        if (customerPlanAddition is not null)
        {
            using var folder = new TempFolder();
            var plan = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.ExamplePlans, ExampleData.CustomerPlan + ".yaml")) + customerPlanAddition;
            var applied = await CliRun.RunAsync(database, "plans", "apply", folder.Write(ExampleData.CustomerPlan + ".yaml", plan));
            Assert.True(applied.ExitCode == 0, applied.Error);
        }

        string[][] imports =
        [
            ["import", "responses", ExampleData.PreviousCustomerResponses, "--plan", ExampleData.CustomerPlan, "--cycle", ExampleData.PreviousCustomerCycle],
            ["import", "responses", ExampleData.CurrentCustomerResponses, "--plan", ExampleData.CustomerPlan, "--cycle", ExampleData.CurrentCustomerCycle],
            ["import", "responses", ExampleData.PreviousStaffResponses, "--plan", ExampleData.StaffPlan, "--cycle", ExampleData.PreviousStaffCycle],
            ["import", "responses", ExampleData.CurrentStaffResponses, "--plan", ExampleData.StaffPlan, "--cycle", ExampleData.CurrentStaffCycle],
            ["import", "complaints", ExampleData.Complaints, "--plan", ExampleData.CustomerPlan],
            ["import", "metrics", ExampleData.Metrics, "--plan", ExampleData.CustomerPlan],
        ];
        foreach (var args in imports)
        {
            var run = await CliRun.RunAsync(database, args);
            Assert.True(run.ExitCode == 0, run.Error);
        }
    }

    /// <summary>Runs <c>review</c> and returns what it printed, and the report link it gave.</summary>
    public static async Task<(CliRun Run, Uri Link)> ReviewAsync(TestDatabase database, params string[] extra)
    {
        var run = await CliRun.RunAsync(database, ["review", "--plan", ExampleData.CustomerPlan, "--cycle", ExampleData.CurrentCustomerCycle, .. extra]);
        Assert.True(run.ExitCode == 0, run.Error);
        var link = run.Error.Split(' ', '\n').Single(w => w.StartsWith("http", StringComparison.Ordinal)).Trim();
        return (run, new Uri(link));
    }
}
