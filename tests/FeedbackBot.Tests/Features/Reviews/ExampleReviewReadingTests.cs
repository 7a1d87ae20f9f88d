using System.Text.Json;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Features.Reviews;

/// <summary>
/// The example review reads as its data was built to read: waiting times are getting worse (a shortfall with its
/// trend, first in the recommendations), and every recommendation about a KPI cites that KPI and is judged by it.
/// </summary>
public sealed class ExampleReviewReadingTests
{
    [Fact]
    public async Task ExampleReview_ReadAsAManager_NamesWorseningWaitingAndCitesEachRecommendationsOwnKpi()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "review.json");
        await ExampleReviews.ImportAllAsync(database);
        await ExampleReviews.ReviewAsync(database, "--format", "json", "--out", output);
        using var review = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        var root = review.RootElement;

        var shortfalls = root.GetProperty("shortfalls").EnumerateArray().ToList();
        var waiting = Assert.Single(shortfalls, s => Metric(s) == "theme:waiting_time");
        Assert.True(waiting.GetProperty("evidence").GetProperty("change").GetDouble() > 0);
        Assert.Contains("up from", waiting.GetProperty("title").GetString(), StringComparison.Ordinal);
        var firstResponse = Assert.Single(shortfalls, s => Metric(s) == "first_response");
        Assert.Contains("worse than last cycle", firstResponse.GetProperty("title").GetString(), StringComparison.Ordinal);

        var recommendations = root.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.Equal("waiting_time", recommendations[0].GetProperty("theme").GetString());
        var kpis = root.GetProperty("metrics").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!, m => m.GetProperty("name").GetString()!);
        var aboutKpis = recommendations.Where(r => kpis.ContainsKey(Metric(r))).ToList();
        Assert.NotEmpty(aboutKpis);
        Assert.All(aboutKpis, r => Assert.StartsWith(kpis[Metric(r)] + " at ", r.GetProperty("success_criterion").GetString(), StringComparison.Ordinal));
        var firstContact = Assert.Single(recommendations, r => r.GetProperty("title").GetString() == "Resolve more issues at the first contact");
        Assert.Equal("fcr", Metric(firstContact));
        Assert.DoesNotContain(recommendations, r => r.GetProperty("evidence").GetProperty("label").GetString()!.Contains(':', StringComparison.Ordinal));
    }

    private static string Metric(JsonElement finding) => finding.GetProperty("evidence").GetProperty("metric").GetString()!;
}
