using System.Text.Json;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Features.DataImports;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Reviews;

/// <summary>
/// The example data improves empathy on purpose (<c>understood</c> 3.7 → 4.2, the empathy theme 16 of 17 comments
/// positive): its review lists that as a strength with its evidence, and praise staff logged counts too.
/// </summary>
public sealed class ExampleReviewStrengthTests
{
    [Fact]
    public async Task ExampleReview_EmpathyImproved_IsAStrengthCitingTheQuestionAndTheTheme()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);

        var root = await ReviewJsonAsync(database);

        var strengths = root.GetProperty("strengths").EnumerateArray().ToList();
        var understood = Assert.Single(strengths, s => Evidence(s).GetProperty("question").GetString() == "understood");
        Assert.Equal("improved", understood.GetProperty("kind").GetString());
        Assert.Equal("empathy", understood.GetProperty("feature").GetString());
        Assert.Equal(4.23, Evidence(understood).GetProperty("value").GetDouble());
        Assert.Equal(3.68, Evidence(understood).GetProperty("previous").GetDouble());
        Assert.True(Evidence(understood).GetProperty("p_value").GetDouble() < 0.05);
        Assert.Contains("How well did we understand your situation?", understood.GetProperty("title").GetString(), StringComparison.Ordinal);
        var theme = Assert.Single(strengths, s => Evidence(s).GetProperty("metric").GetString() == "theme:attitude_empathy");
        Assert.Contains("16 of the 17 comments", theme.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(Evidence(theme).GetProperty("quotes").EnumerateArray());

        var change = Assert.Single(root.GetProperty("question_changes").EnumerateArray(), c => c.GetProperty("question").GetString() == "understood");
        Assert.Equal(0.55, change.GetProperty("change").GetDouble());
        var csat = Assert.Single(root.GetProperty("shortfalls").EnumerateArray(), s => Evidence(s).GetProperty("metric").GetString() == "csat");
        Assert.Equal("satisfaction", Evidence(csat).GetProperty("question").GetString());
    }

    [Fact]
    public async Task ExampleReview_PraiseLoggedByStaff_IsAStrengthOfItsFeature()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database);
        await using (var db = database.CreateContext())
        {
            var tenant = (await db.Plans.SingleAsync(p => p.Key == ExampleData.CustomerPlan)).TenantId;
            string[] praise = ["Kept me updated every day, brilliant.", "Always told me what was next.", "Great updates by text."];
            db.FeedbackEntries.AddRange(praise.Select((text, i) => new FeedbackEntry
            {
                Id = Guid.NewGuid(),
                TenantId = tenant,
                Feature = "communication",
                Kind = "praise",
                Text = text,
                ReceivedAt = new DateTime(2026, 10, 13 + i, 10, 0, 0, DateTimeKind.Utc),
                IdempotencyKey = $"card-{i}",
            }));
            await db.SaveChangesAsync();
        }

        var root = await ReviewJsonAsync(database);

        var strength = Assert.Single(root.GetProperty("strengths").EnumerateArray(), s => s.GetProperty("kind").GetString() == "praise");
        Assert.Equal("communication", strength.GetProperty("feature").GetString());
        Assert.Equal(3, Evidence(strength).GetProperty("n").GetInt32());
        Assert.Contains("Great updates by text.", Evidence(strength).GetProperty("quotes").EnumerateArray().Select(q => q.GetString()));
    }

    private static async Task<JsonElement> ReviewJsonAsync(TestDatabase database)
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "review.json");
        await ExampleReviews.ReviewAsync(database, "--format", "json", "--out", output);
        using var review = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        return review.RootElement.Clone();
    }

    private static JsonElement Evidence(JsonElement finding) => finding.GetProperty("evidence");
}
