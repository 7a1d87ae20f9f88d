using FeedbackBot.Core.People;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Privacy;
using FeedbackBot.Data.Entities;
using FeedbackBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Data.Tests;

public sealed class StorageTests
{
    private static readonly DateTime Start = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task SaveAndLoad_ACycleWithAnAnsweredResponse_RoundTripsEveryValue(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid responseId;
        await using (var db = await database.CreateMigratedContextAsync())
        {
            var graph = Seed(db);
            var response = NewResponse(graph.Cycle, "s:abc", "r1");
            response.Answers.Add(new Answer { ResponseId = response.Id, QuestionId = graph.Question.Id, Value = "4", Number = 4 });
            db.Responses.Add(response);
            await db.SaveChangesAsync();
            responseId = response.Id;
        }

        await using (var db = database.CreateContext())
        {
            var loaded = await db.Responses.Include(r => r.Answers).ThenInclude(a => a.Question).SingleAsync(r => r.Id == responseId);
            Assert.Equal(DateTimeKind.Utc, loaded.SubmittedAt.Kind);
            Assert.Equal(Start.AddHours(3), loaded.SubmittedAt);
            Assert.Equal(Audience.Staff, loaded.Audience);
            Assert.Equal(CollectionMethod.Survey, loaded.Method);
            Assert.Equal(42.5, loaded.DurationSeconds);
            var answer = Assert.Single(loaded.Answers);
            Assert.Equal("4", answer.Value);
            Assert.Equal(4, answer.Number);
            Assert.Equal(QuestionType.Rating5, answer.Question!.Type);

            var person = await db.People.Include(p => p.Segments).SingleAsync();
            Assert.Equal(PersonRole.Manager, person.Role);
            Assert.Equal("billing", Assert.Single(person.Segments).Value);
        }
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Save_TheSameIdempotencyKeyTwiceInACycle_IsRejectedByTheDatabase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        var graph = Seed(db);
        db.Responses.Add(NewResponse(graph.Cycle, "s:abc", "activity-1"));
        await db.SaveChangesAsync();

        db.Responses.Add(NewResponse(graph.Cycle, "s:abc", "activity-1"));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Save_TwoPlanVersionsWithOneNumber_IsRejectedByTheDatabase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        var graph = Seed(db);
        await db.SaveChangesAsync();

        db.PlanVersions.Add(new PlanVersion
        {
            Id = Guid.NewGuid(),
            PlanId = graph.Version.PlanId,
            Number = graph.Version.Number,
            Name = "again",
            Definition = "{}",
            ContentHash = new string('0', 64),
            CreatedAt = Start,
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Migrate_FromTwoInstancesAtOnceOnPostgres_AppliesEachMigrationOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();

        await Task.WhenAll(first.Database.MigrateAsync(), second.Database.MigrateAsync());

        await using var check = database.CreateContext();
        Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public void Model_ResponsesAndAnswers_HaveNoPathToAPerson()
    {
        using var db = new FeedbackDbContext(FeedbackDatabase.CreateOptions(DatabaseProvider.Sqlite, "Data Source=:memory:"));
        var person = db.Model.FindEntityType(typeof(Person))!;

        foreach (var entity in new[] { typeof(Response), typeof(Answer) }.Select(t => db.Model.FindEntityType(t)!))
        {
            var reachable = new HashSet<Microsoft.EntityFrameworkCore.Metadata.IEntityType>();
            var queue = new Queue<Microsoft.EntityFrameworkCore.Metadata.IEntityType>([entity]);
            while (queue.TryDequeue(out var current))
            {
                // Follow only references that go *from* the answer side: cycle, plan, question, ... but never back
                // down into invitations, which are where people are named.
                foreach (var foreignKey in current.GetForeignKeys())
                {
                    if (reachable.Add(foreignKey.PrincipalEntityType))
                    {
                        queue.Enqueue(foreignKey.PrincipalEntityType);
                    }
                }
            }

            Assert.DoesNotContain(person, reachable);
            Assert.DoesNotContain(entity.GetProperties(), p => p.Name.Contains("Person", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void RespondentKey_SamePersonAndCycle_IsStableAndDiffersAcrossCycles()
    {
        var secret = new byte[32];
        var tenant = Guid.NewGuid();
        var cycle = Guid.NewGuid();

        var key = RespondentKey.ForStaff(secret, tenant, "29:alice", cycle);

        Assert.Equal(key, RespondentKey.ForStaff(secret, tenant, "29:alice", cycle));
        Assert.NotEqual(key, RespondentKey.ForStaff(secret, tenant, "29:alice", Guid.NewGuid()));
        Assert.NotEqual(key, RespondentKey.ForStaff(secret, tenant, "29:bob", cycle));
        Assert.DoesNotContain("alice", key, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RespondentKey.ForStaff(new byte[8], tenant, "29:alice", cycle));
    }

    private static (ReviewCycle Cycle, PlanQuestion Question, PlanVersion Version) Seed(FeedbackDbContext db)
    {
        var tenant = new Tenant { Id = Guid.NewGuid(), Channel = TenantChannel.Teams, ExternalId = "tid-1", Name = "Contoso", CreatedAt = Start };
        var person = new Person
        {
            Id = Guid.NewGuid(),
            TenantId = tenant.Id,
            ChannelUserId = "29:alice",
            DisplayName = "Alice",
            Role = PersonRole.Manager,
            CreatedAt = Start,
        };
        person.Segments.Add(new PersonSegment { PersonId = person.Id, Name = "team", Value = "billing" });
        var plan = new Plan { Id = Guid.NewGuid(), TenantId = tenant.Id, Key = "pulse", CurrentVersion = 1, CreatedAt = Start, UpdatedAt = Start };
        var version = new PlanVersion
        {
            Id = Guid.NewGuid(),
            PlanId = plan.Id,
            Number = 1,
            Name = "Pulse",
            Definition = "{}",
            ContentHash = new string('a', 64),
            CreatedAt = Start,
        };
        var question = new PlanQuestion
        {
            Id = Guid.NewGuid(),
            PlanVersionId = version.Id,
            Key = "speed",
            Ordinal = 0,
            Text = "Quick?",
            Type = QuestionType.Rating5,
            Required = true,
            Audience = Audience.Staff,
            Options = "[]",
        };
        version.Questions.Add(question);
        var cycle = new ReviewCycle
        {
            Id = Guid.NewGuid(),
            PlanId = plan.Id,
            PlanVersionId = version.Id,
            StartsAt = Start,
            EndsAt = Start.AddDays(7),
            State = CycleState.Open,
            SampleSeed = 7,
            CreatedAt = Start,
        };
        db.AddRange(tenant, person, plan, version, cycle);
        db.Invitations.Add(new Invitation { Id = Guid.NewGuid(), CycleId = cycle.Id, PersonId = person.Id, State = InvitationState.Sent, CreatedAt = Start });
        return (cycle, question, version);
    }

    private static Response NewResponse(ReviewCycle cycle, string respondentKey, string idempotencyKey) => new()
    {
        Id = Guid.NewGuid(),
        CycleId = cycle.Id,
        RespondentKey = respondentKey,
        Audience = Audience.Staff,
        Method = CollectionMethod.Survey,
        SubmittedAt = Start.AddHours(3),
        DurationSeconds = 42.5,
        IdempotencyKey = idempotencyKey,
        ReceivedAt = Start.AddHours(3),
    };
}
