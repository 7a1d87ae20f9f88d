using System.Text.Json.Nodes;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Features.DataImports;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Features.Reviews;

/// <summary>
/// Recommendations have an id within their review and a key that stays the same for the same advice in later reviews,
/// so an action adopted from one can be recognised in the next.
/// </summary>
public sealed class RecommendationIdentityTests
{
    [Fact]
    public async Task Review_TwoCycles_IdsRunInOrderAndTheSameAdviceKeepsItsKey()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);

        var previous = await RecommendationsAsync(database, ExampleData.PreviousCustomerCycle);
        var current = await RecommendationsAsync(database, ExampleData.CurrentCustomerCycle);

        foreach (var review in new[] { previous, current })
        {
            Assert.Equal(Enumerable.Range(1, review.Count).Select(i => $"r{i}"), review.Select(r => (string)r["id"]!));
            Assert.Equal(review.Count, review.Select(r => (string)r["key"]!).Distinct(StringComparer.Ordinal).Count());
        }

        // Advice given in both weeks keeps its key although its figures, score and rank changed.
        var shared = current.Where(c => previous.Any(p => (string)p["key"]! == (string)c["key"]!)).ToList();
        Assert.NotEmpty(shared);
        Assert.All(shared, c =>
        {
            var before = previous.Single(p => (string)p["key"]! == (string)c["key"]!);
            Assert.Equal(((string?)before["feature"], (string?)before["theme"], (string?)before["evidence"]!["metric"]), ((string?)c["feature"], (string?)c["theme"], (string?)c["evidence"]!["metric"]));
        });
        Assert.Contains(shared, c => (double)c["evidence"]!["value"]! != (double)previous.Single(p => (string)p["key"]! == (string)c["key"]!)["evidence"]!["value"]!);
    }

    private static async Task<List<JsonNode>> RecommendationsAsync(TestDatabase database, string cycle)
    {
        var run = await CliRun.RunAsync(database, "review", "--plan", ExampleData.CustomerPlan, "--cycle", cycle, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        return [.. JsonNode.Parse(run.Out)!["recommendations"]!.AsArray().Select(r => r!)];
    }
}
