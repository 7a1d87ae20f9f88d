using FeedbackBot.Core.People;
using FeedbackBot.Data.Entities;
using FeedbackBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Data.Tests;

/// <summary>Evaluations are kept as scored, and outlive the people they name.</summary>
public sealed class EvaluationStorageTests
{
    private static readonly DateTime Start = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SaveAndLoad_AnEvaluationWithAnswersAndACoachingAction_RoundTripsEveryValue(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid evaluationId;
        await using (var db = await database.CreateMigratedContextAsync())
        {
            var (evaluation, _) = Seed(db);
            evaluationId = evaluation.Id;
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.Evaluations.Include(e => e.Answers).Include(e => e.CoachingActions).SingleAsync(e => e.Id == evaluationId);
            Assert.Equal("EV-1", loaded.EvaluationKey);
            Assert.Equal("CALL-42", loaded.InteractionKey);
            Assert.Equal("phone-call", loaded.ScorecardId);
            Assert.Equal("phone", loaded.Channel);
            Assert.Equal(Start.AddDays(-1), loaded.InteractionAt);
            Assert.Equal(DateTimeKind.Utc, loaded.EvaluatedAt.Kind);
            Assert.Equal(87.5, loaded.Score);
            Assert.False(loaded.CriticalFail);
            Assert.True(loaded.Passed);
            Assert.Equal("Warm greeting", loaded.WentWell);
            Assert.Equal("Summarise before closing", loaded.ToImprove);
            Assert.Equal(Start.AddHours(2), loaded.AcknowledgedAt);
            Assert.Equal(
                ["empathy=4/", "greeting=yes/Gave her name", "hold=na/"],
                loaded.Answers.OrderBy(a => a.CriterionId, StringComparer.Ordinal).Select(a => $"{a.CriterionId}={a.Answer}/{a.Comment}"));
            var action = Assert.Single(loaded.CoachingActions);
            Assert.Equal("Summarise the next steps on every call", action.What);
            Assert.Equal("Shadow Amara for one shift", action.Support);
            Assert.Equal(new DateOnly(2026, 12, 21), action.DueOn);
            Assert.Equal(CoachingActionState.Planned, action.State);
        }
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task DeletePerson_NamedByAnEvaluation_KeepsTheEvaluationWithoutThePerson(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid agentId;
        await using (var db = await database.CreateMigratedContextAsync())
        {
            (_, agentId) = Seed(db);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            await db.People.Where(p => p.Id == agentId).ExecuteDeleteAsync();
        }

        await using (var db = database.CreateContext())
        {
            var kept = await db.Evaluations.Include(e => e.Answers).SingleAsync();
            Assert.Null(kept.AgentPersonId);
            Assert.NotNull(kept.EvaluatorPersonId);
            Assert.Equal("sam@contoso.example", kept.Agent);
            Assert.Equal(3, kept.Answers.Count);
            Assert.Null((await db.MonitoredInteractions.SingleAsync()).AgentPersonId);
        }
    }

    [Fact]
    public void Model_Evaluations_AreNotLinkedToSurveyAnswers()
    {
        using var db = new FeedbackDbContext(FeedbackDatabase.CreateOptions(DatabaseProvider.Sqlite, "Data Source=:memory:"));
        var survey = new[] { typeof(Response), typeof(Answer) }.Select(t => db.Model.FindEntityType(t)!).ToList();

        foreach (var type in new[] { typeof(Evaluation), typeof(EvaluationAnswer), typeof(CoachingAction), typeof(MonitoredInteraction) })
        {
            var entity = db.Model.FindEntityType(type)!;
            Assert.DoesNotContain(entity.GetForeignKeys(), k => survey.Contains(k.PrincipalEntityType));
            Assert.DoesNotContain(entity.GetReferencingForeignKeys(), k => survey.Contains(k.DeclaringEntityType));
        }
    }

    private static (Evaluation Evaluation, Guid AgentId) Seed(FeedbackDbContext db)
    {
        var tenant = new Tenant { Id = Guid.NewGuid(), Channel = TenantChannel.Teams, ExternalId = "tid-1", Name = "Contoso", CreatedAt = Start };
        var agent = new Person { Id = Guid.NewGuid(), TenantId = tenant.Id, Email = "sam@contoso.example", DisplayName = "Sam", Role = PersonRole.Staff, CreatedAt = Start };
        var evaluator = new Person { Id = Guid.NewGuid(), TenantId = tenant.Id, ChannelUserId = "29:amara", DisplayName = "Amara", Role = PersonRole.Manager, CreatedAt = Start };
        var plan = new Plan { Id = Guid.NewGuid(), TenantId = tenant.Id, Key = "service-quality", CurrentVersion = 1, CreatedAt = Start, UpdatedAt = Start };
        var version = new PlanVersion
        {
            Id = Guid.NewGuid(),
            PlanId = plan.Id,
            Number = 1,
            Name = "Service quality",
            Definition = "{}",
            ContentHash = new string('a', 64),
            CreatedAt = Start,
        };
        var evaluation = new Evaluation
        {
            Id = Guid.NewGuid(),
            TenantId = tenant.Id,
            PlanId = plan.Id,
            PlanVersionId = version.Id,
            EvaluationKey = "EV-1",
            InteractionKey = "CALL-42",
            Agent = "sam@contoso.example",
            AgentPersonId = agent.Id,
            Evaluator = "29:amara",
            EvaluatorPersonId = evaluator.Id,
            ScorecardId = "phone-call",
            Channel = "phone",
            EvaluatedAt = Start,
            InteractionAt = Start.AddDays(-1),
            Score = 87.5,
            Passed = true,
            WentWell = "Warm greeting",
            ToImprove = "Summarise before closing",
            AcknowledgedAt = Start.AddHours(2),
            CreatedAt = Start,
        };
        evaluation.Answers.Add(new EvaluationAnswer { EvaluationId = evaluation.Id, CriterionId = "greeting", Answer = "yes", Comment = "Gave her name" });
        evaluation.Answers.Add(new EvaluationAnswer { EvaluationId = evaluation.Id, CriterionId = "empathy", Answer = "4" });
        evaluation.Answers.Add(new EvaluationAnswer { EvaluationId = evaluation.Id, CriterionId = "hold", Answer = "na" });
        evaluation.CoachingActions.Add(new CoachingAction
        {
            Id = Guid.NewGuid(),
            EvaluationId = evaluation.Id,
            What = "Summarise the next steps on every call",
            Support = "Shadow Amara for one shift",
            DueOn = new DateOnly(2026, 12, 21),
            State = CoachingActionState.Planned,
            CreatedAt = Start,
        });
        var interaction = new MonitoredInteraction
        {
            Id = Guid.NewGuid(),
            TenantId = tenant.Id,
            InteractionKey = "CALL-42",
            Agent = "sam@contoso.example",
            AgentPersonId = agent.Id,
            Channel = "phone",
            StartedAt = Start.AddDays(-1),
            DurationSeconds = 312.5,
            Queue = "billing",
            ImportedAt = Start,
        };
        db.AddRange(tenant, agent, evaluator, plan, version, evaluation, interaction);
        return (evaluation, agent.Id);
    }
}
