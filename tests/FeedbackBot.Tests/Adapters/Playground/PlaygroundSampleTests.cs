using FeedbackBot.Adapters.Playground;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Tests.Adapters.Playground;

/// <summary>The playground's first run: the example data includes QA evaluations and an improvement action with its check.</summary>
public sealed class PlaygroundSampleTests
{
    [Fact]
    public async Task SeedAsync_FirstRun_HasEvaluationsAndAnActionLiveFromTheSecondWeekThatTheLatestReviewChecks()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = await PlaygroundHost.StartAsync(CliRun.Settings(database), bot: null, beforeStart: async services =>
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            await PlaygroundSample.SeedAsync(services, CancellationToken.None);
        });

        await using var db = database.CreateContext();
        var action = await db.ImprovementActions.Include(a => a.Notes).SingleAsync();
        var latest = await (from r in db.Reviews join p in db.Plans on r.PlanId equals p.Id where p.Key == "customer-experience" orderby r.CreatedAt descending select r.Document).FirstAsync();
        var review = ReviewJson.Deserialize(latest);

        Assert.Equal(50, await db.Evaluations.CountAsync());
        Assert.Equal(("nps", new DateOnly(2026, 10, 12), "playground:manager"), (action.Kpi, action.ImplementedOn!.Value, action.Owner));
        Assert.Contains(action.Status, new[] { ImprovementActionStatus.Improved, ImprovementActionStatus.NotImproved, ImprovementActionStatus.Inconclusive });
        Assert.Equal(["status", "status", "check"], action.Notes.OrderBy(n => n.At).ThenBy(n => n.Kind == "status" ? 0 : 1).Select(n => n.Kind));
        Assert.Equal(action.Number, Assert.Single(review.Actions!).Id);
        Assert.NotNull(review.QualityMonitoring);
    }
}
