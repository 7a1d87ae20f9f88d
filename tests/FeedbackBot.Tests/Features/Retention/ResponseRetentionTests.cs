using FeedbackBot.Data;
using FeedbackBot.Features.Audit;
using FeedbackBot.Features.Retention;
using FeedbackBot.Jobs.Scheduling;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Features.DataImports;
using FeedbackBot.Tests.Features.Reviews;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedbackBot.Tests.Features.Retention;

/// <summary>A plan's <c>retention_days</c>: raw answers of cycles that ended longer ago go; reviews stay.</summary>
public sealed class ResponseRetentionTests
{
    // The example cycles end in October 2026; the current customer cycle ends on 19 October.
    private static readonly DateTimeOffset LongAfter = new(2027, 1, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SoonAfter = new(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);

    private static async Task PurgeAsync(TestDatabase database, DateTimeOffset now)
    {
        await using var db = database.CreateContext();
        await new ResponseRetention(db, new ManualClock(now), NullLogger<ResponseRetention>.Instance).PurgeAllAsync(CancellationToken.None);
    }

    private static async Task<Dictionary<string, int>> ResponsesByPlanAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.Responses.GroupBy(r => r.Cycle!.Plan!.Key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task PurgeAll_ClosedCyclesPastTheRetention_DeletesTheirResponsesAndKeepsReviewsAndOtherPlans(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExampleReviews.ImportAllAsync(database, "\nretention_days: 30\n");
        await ExampleReviews.ReviewAsync(database);
        var before = await ResponsesByPlanAsync(database);

        await PurgeAsync(database, LongAfter);

        var after = await ResponsesByPlanAsync(database);
        Assert.False(after.ContainsKey(ExampleData.CustomerPlan));
        Assert.Equal(before[ExampleData.StaffPlan], after[ExampleData.StaffPlan]);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Answers.CountAsync(a => a.Question!.PlanVersion!.Plan!.Key == ExampleData.CustomerPlan));
        Assert.Equal(1, await db.Reviews.CountAsync());
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditTrail.ResponsesRetention);
        Assert.Equal(JobIds.ResponseRetention, entry.Actor);
        Assert.StartsWith($"deleted {before[ExampleData.CustomerPlan]} response(s) with ", entry.Detail, StringComparison.Ordinal);
        Assert.EndsWith("of cycles ended more than 30 day(s) ago, and 0 contact(s) not updated since", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PurgeAll_WithinTheRetention_DeletesNothingAndAuditsNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database, "\nretention_days: 30\n");
        var before = await ResponsesByPlanAsync(database);

        await PurgeAsync(database, SoonAfter);

        Assert.Equal(before, await ResponsesByPlanAsync(database));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == AuditTrail.ResponsesRetention));
    }

    [Fact]
    public async Task PurgeAll_RunTwice_DeletesNothingMoreAndAuditsOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database, "\nretention_days: 30\n");

        await PurgeAsync(database, LongAfter);
        var once = await ResponsesByPlanAsync(database);
        await PurgeAsync(database, LongAfter);

        Assert.Equal(once, await ResponsesByPlanAsync(database));
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditTrail.ResponsesRetention));
    }

    [Fact]
    public async Task PurgeAll_ContactNotUpdatedForTheRetention_IsDeletedAndItsInvitationsKeepOnlyThatSomeoneWasAsked()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExampleReviews.ImportAllAsync(database, "\nretention_days: 30\n");
        using var folder = new TempFolder();
        var contacts = folder.Write("contacts.csv", "contact_id,email,interaction_id,agent,channel,last_contact_at\nC-1,alice.jones@example.com,T-1,Priya,phone,2026-10-30T14:05:00Z\n");
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "contacts", contacts, "--plan", ExampleData.CustomerPlan)).ExitCode);

        await PurgeAsync(database, DateTimeOffset.UtcNow.AddDays(31));

        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Contacts.CountAsync());
    }
}
