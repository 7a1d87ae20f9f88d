using System.Text.Json.Nodes;
using FeedbackBot.Data;
using FeedbackBot.Testing;

namespace FeedbackBot.Tests.Features.Reviews;

/// <summary>
/// "What it is worth" on the example data: the customer plan with a value section gives the money figures in the JSON
/// and the reports; without one there are none and no error. Every report ends with how its figures were made.
/// </summary>
public sealed class ValueReviewTests
{
    private const string ValueSection = """

        value:
          currency: GBP
          customers_per_cycle: 12000
          revenue_per_customer: 340
          cost_per_complaint: 45
          cost_per_repeat_contact: 6
          churn_rate: {detractor: 0.25, passive: 0.10, promoter: 0.04}
        """;

    [Fact]
    public async Task Review_PlanWithValueSection_MoneyFiguresInJsonAndReports()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database, ValueSection);

        var json = JsonNode.Parse((await ExampleReviews.ReviewAsync(database, "--format", "json")).Run.Out)!;
        var markdown = (await ExampleReviews.ReviewAsync(database, "--format", "md")).Run.Out;

        var value = json["value"]!;
        Assert.Equal("GBP", (string?)value["currency"]);
        var nps = json["distributions"]!.AsArray().Single(d => (string?)d!["type"] == "nps")!;
        var detractors = nps["counts"]!.AsArray().Where(c => int.Parse((string)c!["value"]!, System.Globalization.CultureInfo.InvariantCulture) <= 6).Sum(c => (long)c!["count"]!);
        var answers = (long)nps["n"]!;
        // Customers × detractor share × detractor churn × revenue per customer.
        Assert.Equal(Math.Round(12000.0 * detractors / answers * 0.25 * 340, 2), (double)value["revenue_at_risk"]!["value"]!, 2);
        Assert.Equal(2, value["revenue_at_risk"]!["ci95"]!.AsArray().Count);
        Assert.Equal((int)json["complaints"]!["total"]! * 45.0, (double)value["complaint_cost"]!["value"]!, 2);
        Assert.Null(value["complaint_cost"]!["ci95"]);
        var fcr = json["metrics"]!.AsArray().Single(m => (string?)m!["metric"] == "fcr")!;
        Assert.Equal(Math.Round(12000 * (100 - (double)fcr["value"]!) / 100 * 6, 2), (double)value["repeat_contact_cost"]!["value"]!, 2);
        var npsAdvice = json["recommendations"]!.AsArray().Single(r => (string?)r!["evidence"]!["metric"] == "nps")!;
        Assert.NotNull(npsAdvice["value_if_met"]);
        Assert.Contains("## What it is worth", markdown, StringComparison.Ordinal);
        Assert.Contains("| Revenue at risk from detractors | GBP ", markdown, StringComparison.Ordinal);
        Assert.Contains("a cycle if its KPI reaches its target", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_PlanWithoutValueSection_NoValueFiguresNoError_AndTheMethodsAppendix()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);

        var json = JsonNode.Parse((await ExampleReviews.ReviewAsync(database, "--format", "json")).Run.Out)!.AsObject();
        var markdown = (await ExampleReviews.ReviewAsync(database, "--format", "md")).Run.Out;

        Assert.True(json.ContainsKey("value"));
        Assert.Null(json["value"]);
        Assert.All(json["recommendations"]!.AsArray(), r => Assert.Null(r!["value_if_met"]));
        Assert.DoesNotContain("What it is worth", markdown, StringComparison.Ordinal);
        var methods = markdown[markdown.IndexOf("## How the figures were made", StringComparison.Ordinal)..];
        Assert.Contains("**NPS:**", methods, StringComparison.Ordinal);
        Assert.Contains("self-selection", methods, StringComparison.Ordinal);
        Assert.Contains("Correlation is not cause", methods, StringComparison.Ordinal);
        Assert.Contains("**Complaints:**", methods, StringComparison.Ordinal);
    }
}
