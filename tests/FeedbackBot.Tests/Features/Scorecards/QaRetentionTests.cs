using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Scorecards;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedbackBot.Tests.Features.Scorecards;

/// <summary>
/// The plan's <c>qa_retention_days</c> enforced as the <c>system.qa-retention</c> job does, on 31 March 2027 with a
/// retention of 90 days: the cutoff is 31 December 2026 00:00 UTC.
/// </summary>
public sealed class QaRetentionTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 31, 0, 0, 0, TimeSpan.Zero);

    private const string Log = """
        interaction_id,agent,channel,started_at,duration_seconds,queue
        CALL-1,sam,phone,2026-12-01T09:00:00Z,200,billing
        CALL-2,sam,phone,2026-12-30T23:59:00Z,200,billing
        CALL-3,sam,phone,2027-01-10T09:00:00Z,200,billing
        """;

    private const string Scored = """
        evaluation_id,interaction_id,agent,evaluator,scorecard,channel,evaluated_at,greeting,pace,went_well,to_improve
        OLD-1,CALL-1,sam,anna,phone-call,phone,2026-12-02T09:00:00Z,yes,5,Warm,Nothing
        OLD-2,CALL-2,sam,anna,phone-call,phone,2026-12-30T23:59:00Z,no,2,Patient,Greeting
        NEW-1,CALL-3,sam,anna,phone-call,phone,2026-12-31T00:00:00Z,yes,4,Quick,Summary
        """;

    private const string Kept90Days = QaPlans.OneScorecard + "\nqa_retention_days: 90\n";

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task PurgeAllAsync_PlanKeeps90Days_DeletesOlderEvaluationsWithTheirAnswersAndActionsKeepsTheRest(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, Kept90Days);
        await AddCoachingActionAsync(database, "OLD-1");
        await AddCoachingActionAsync(database, "NEW-1");

        await PurgeAsync(database);

        Assert.Equal(["NEW-1"], (await Evaluations.ReadAsync(database)).Select(e => e.Split('|')[0]));
        Assert.Equal(["CALL-3"], (await Interactions.ReadAsync(database)).Select(i => i.Split('|')[0]));
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.EvaluationAnswers.CountAsync());
        Assert.Equal(1, await db.CoachingActions.CountAsync());
    }

    [Fact]
    public async Task PurgeAllAsync_Deletions_AreAuditedAsCountsWithoutNames()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ImportAsync(database, Kept90Days);
        await AddCoachingActionAsync(database, "OLD-2");

        await PurgeAsync(database);

        await using var db = database.CreateContext();
        var entries = await db.AuditEntries.Where(e => e.Action == QaRetention.AuditAction).OrderBy(e => e.Subject).ToListAsync();
        Assert.All(entries, e => Assert.Equal(("qa.retention", "system.qa-retention", Now.UtcDateTime), (e.Action, e.Actor, e.At)));
        Assert.Equal(
            [
                "monitored_interactions: deleted 2 monitored interaction(s) started more than 90 day(s) ago",
                "plan: deleted 2 evaluation(s), 4 answer(s) and 1 coaching action(s) evaluated more than 90 day(s) ago",
            ],
            entries.Select(e => $"{e.Subject.Split(':')[0]}: {e.Detail}"));
        Assert.DoesNotContain(entries, e => $"{e.Subject} {e.Detail}".Contains("sam", StringComparison.Ordinal) || $"{e.Subject} {e.Detail}".Contains("anna", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PurgeAllAsync_RunTwice_DeletesNothingMoreAndAuditsOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ImportAsync(database, Kept90Days);
        await PurgeAsync(database);
        var after = await Evaluations.ReadAsync(database);

        await PurgeAsync(database);

        Assert.Equal(after, await Evaluations.ReadAsync(database));
        await using var db = database.CreateContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == QaRetention.AuditAction));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task PurgeAllAsync_PlanWithoutRetention_KeepsEverything(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, QaPlans.OneScorecard);
        var evaluations = await Evaluations.ReadAsync(database);
        var interactions = await Interactions.ReadAsync(database);

        await PurgeAsync(database);

        Assert.Equal(evaluations, await Evaluations.ReadAsync(database));
        Assert.Equal(interactions, await Interactions.ReadAsync(database));
        await using var db = database.CreateContext();
        Assert.Empty(await db.AuditEntries.Where(e => e.Action == QaRetention.AuditAction).ToListAsync());
    }

    [Fact]
    public async Task PurgeAllAsync_AnotherPlanOfTheTenantKeepsEverything_KeepsTheInteractionLog()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ImportAsync(database, Kept90Days);
        using var folder = new TempFolder();
        await QaPlans.ApplyAsync(database, folder, QaPlans.OneScorecard.Replace("id: p\n", "id: forever\n", StringComparison.Ordinal));
        var interactions = await Interactions.ReadAsync(database);

        await PurgeAsync(database);

        Assert.Equal(["NEW-1"], (await Evaluations.ReadAsync(database)).Select(e => e.Split('|')[0]));
        Assert.Equal(interactions, await Interactions.ReadAsync(database));
    }

    [Fact]
    public async Task PurgeAllAsync_OtherTenant_IsUntouchedByThisTenantsRetention()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ImportAsync(database, Kept90Days);
        await ImportAsync(database, QaPlans.OneScorecard + "\nqa_retention_days: 400\n", "slack:T0OTHER");

        await PurgeAsync(database);

        await using var db = database.CreateContext();
        var other = await db.Tenants.SingleAsync(t => t.ExternalId == "T0OTHER");
        Assert.Equal(3, await db.Evaluations.CountAsync(e => e.TenantId == other.Id));
        Assert.Equal(3, await db.MonitoredInteractions.CountAsync(i => i.TenantId == other.Id));
        Assert.Equal(1, await db.Evaluations.CountAsync(e => e.TenantId != other.Id));
        Assert.Empty(await db.AuditEntries.Where(e => e.TenantId == other.Id && e.Action == QaRetention.AuditAction).ToListAsync());
    }

    private static async Task PurgeAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        await new QaRetention(db, new ManualClock(Now), NullLogger<QaRetention>.Instance).PurgeAllAsync(CancellationToken.None);
    }

    private static async Task ImportAsync(TestDatabase database, string plan, string? tenant = null)
    {
        using var folder = new TempFolder();
        string[] where = tenant is null ? [] : ["--tenant", tenant];
        Assert.Equal(0, (await CliRun.RunAsync(database, ["plans", "apply", folder.Write("plan.yaml", plan), .. where])).ExitCode);
        var log = await CliRun.RunAsync(database, ["import", "interactions", folder.Write("interactions.csv", Log), .. where]);
        Assert.True(log.ExitCode == 0, log.Error);
        var scored = await CliRun.RunAsync(database, ["import", "evaluations", folder.Write("evaluations.csv", Scored), "--plan", "p", .. where]);
        Assert.True(scored.ExitCode == 0, scored.Error);
    }

    private static async Task AddCoachingActionAsync(TestDatabase database, string evaluationKey)
    {
        await using var db = database.CreateContext();
        var evaluation = await db.Evaluations.SingleAsync(e => e.EvaluationKey == evaluationKey);
        db.CoachingActions.Add(new CoachingAction
        {
            Id = Guid.NewGuid(),
            EvaluationId = evaluation.Id,
            What = "Greet by name",
            DueOn = new DateOnly(2027, 1, 15),
            State = CoachingActionState.Planned,
            CreatedAt = evaluation.EvaluatedAt,
        });
        await db.SaveChangesAsync();
    }
}
