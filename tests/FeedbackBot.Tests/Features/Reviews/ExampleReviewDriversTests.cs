using System.Text.Json;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Features.Reviews;

/// <summary>
/// The example review shows what drives CSAT: every other scale question's correlation with satisfaction, highest
/// first, with how quickly we respond as the place to act first (it goes with satisfaction as much as any question
/// and scores lowest of the features), in the JSON, the Markdown table and the HTML matrix.
/// </summary>
public sealed class ExampleReviewDriversTests
{
    [Fact]
    public async Task ExampleReview_Drivers_NameSpeedAsWhereToActFirst()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        await ExampleReviews.ImportAllAsync(database);
        var json = Path.Combine(folder.Path, "review.json");
        var markdown = Path.Combine(folder.Path, "review.md");
        var html = Path.Combine(folder.Path, "review.html");
        await ExampleReviews.ReviewAsync(database, "--format", "json", "--out", json);
        await ExampleReviews.ReviewAsync(database, "--format", "md", "--out", markdown);
        await ExampleReviews.ReviewAsync(database, "--format", "html", "--out", html);

        using var review = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var drivers = review.RootElement.GetProperty("drivers");
        Assert.Equal("csat", drivers.GetProperty("outcome").GetString());
        var items = drivers.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            ["effort", "kept_informed", "kept_promises", "recommend", "speed", "understood"],
            items.Select(i => i.GetProperty("question").GetString()).Order());
        var rhos = items.Select(i => i.GetProperty("rho").GetDouble()).ToList();
        Assert.Equal(rhos.OrderDescending(), rhos);
        Assert.All(items, i => Assert.True(i.GetProperty("n").GetInt64() >= 5));
        var actFirst = Assert.Single(items, i => i.GetProperty("quadrant").GetString() == "act_first");
        Assert.Equal(("speed", "responsiveness"), (actFirst.GetProperty("question").GetString(), actFirst.GetProperty("feature").GetString()));
        var waiting = review.RootElement.GetProperty("recommendations").EnumerateArray().First();
        Assert.Equal("speed", waiting.GetProperty("driver").GetProperty("question").GetString());

        var md = await File.ReadAllTextAsync(markdown);
        Assert.Contains("## What drives CSAT", md, StringComparison.Ordinal);
        Assert.Contains("| How satisfied were you with how quickly we responded? | responsiveness | +0.62 |", md, StringComparison.Ordinal);
        Assert.Contains("Act first on \u201cHow satisfied were you with how quickly we responded?\u201d", md, StringComparison.Ordinal);

        var page = await File.ReadAllTextAsync(html);
        Assert.Contains("<svg class=\"drivers-matrix\"", page, StringComparison.Ordinal);
        Assert.Contains("Act first: where to act first", page, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"drivers-matrix-desc\">", page, StringComparison.Ordinal);
    }
}
