using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Contacts;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Infrastructure.Email;
using FeedbackBot.Jobs.Outbox;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Tests.Features.Cycles;

/// <summary>A Teams tenant with staff the bot can reach, a plan applied to it, and the lifecycle on a fake clock.</summary>
internal sealed class CycleRig : IAsyncDisposable
{
    public const string TenantExternalId = "6a1b2c3d-0000-4000-8000-00000000c1c1";

    private CycleRig(TestDatabase database, ManualClock clock, Guid tenantId, Guid planId)
    {
        Database = database;
        Clock = clock;
        TenantId = tenantId;
        PlanId = planId;
    }

    public TestDatabase Database { get; }

    public ManualClock Clock { get; }

    public Guid TenantId { get; }

    public Guid PlanId { get; }

    /// <summary>Applies <paramref name="planYaml"/> and adds staff: (team, how many) with a personal conversation each.</summary>
    public static async Task<CycleRig> StartAsync(DatabaseProvider provider, string planYaml, params (string Team, int Count)[] staff)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await ApplyPlanAsync(CliRun.Settings(database), planYaml);

        var clock = new ManualClock(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        await using var db = database.CreateContext();
        var tenant = await db.Tenants.SingleAsync();
        var plan = await db.Plans.SingleAsync();
        var number = 0;
        foreach (var (team, count) in staff)
        {
            for (var i = 0; i < count; i++)
            {
                number++;
                var person = new Person { Id = Guid.NewGuid(), TenantId = tenant.Id, ChannelUserId = $"29:staff-{number}", DisplayName = $"Staff {number}", Role = number == 1 ? PersonRole.Admin : PersonRole.Staff, CreatedAt = clock.GetUtcNow().UtcDateTime };
                person.Segments.Add(new PersonSegment { PersonId = person.Id, Name = "team", Value = team });
                db.People.Add(person);
                db.ConversationReferences.Add(new ConversationReference { Id = Guid.NewGuid(), TenantId = tenant.Id, PersonId = person.Id, ConversationId = $"a:personal-{number}", ServiceUrl = "https://smba.example/emea/", UpdatedAt = clock.GetUtcNow().UtcDateTime });
            }
        }

        await db.SaveChangesAsync();
        return new CycleRig(database, clock, tenant.Id, plan.Id);
    }

    /// <summary>Applies <paramref name="planYaml"/> to the rig's Teams tenant through the command line, as an operator does.</summary>
    public static async Task ApplyPlanAsync(IReadOnlyDictionary<string, string?> settings, string planYaml)
    {
        using var file = await PlanFiles.WriteAsync(planYaml);
        var applied = await CliRun.RunAsync(settings, "plans", "apply", "--tenant", "teams:" + TenantExternalId, file.Path);
        Assert.True(applied.ExitCode == 0, applied.Error);
    }

    /// <summary>
    /// Adds <paramref name="count"/> staff to the database's one tenant, each with a personal conversation
    /// <c>a:staff-N</c> (N from 1) on <paramref name="serviceUrl"/>; returns the plan's id.
    /// </summary>
    public static async Task<Guid> SeedReachableStaffAsync(TestDatabase database, string serviceUrl, DateTime now, int count)
    {
        await using var db = database.CreateContext();
        var tenant = await db.Tenants.SingleAsync();
        for (var n = 1; n <= count; n++)
        {
            var person = new Person { Id = Guid.NewGuid(), TenantId = tenant.Id, ChannelUserId = $"29:staff-{n}", DisplayName = $"Staff {n}", CreatedAt = now };
            db.People.Add(person);
            db.ConversationReferences.Add(new ConversationReference { Id = Guid.NewGuid(), TenantId = tenant.Id, PersonId = person.Id, ConversationId = StaffConversation(n), ServiceUrl = serviceUrl, UpdatedAt = now });
        }

        await db.SaveChangesAsync();
        return await db.Plans.Select(p => p.Id).SingleAsync();
    }

    public static string StaffConversation(int n) => $"a:staff-{n}";

    /// <summary>The lifecycle on <paramref name="db"/>; customers are e-mailed when <paramref name="email"/> names a host.</summary>
    public CycleLifecycle Lifecycle(FeedbackDbContext db, EmailOptions? email = null) =>
        new(
            db,
            new ReviewPosts(db, NullLogger<ReviewPosts>.Instance),
            new CustomerSample(db, Options.Create(email ?? new EmailOptions()), NullLogger<CustomerSample>.Instance),
            new OutboxSignal(),
            Clock,
            NullLogger<CycleLifecycle>.Instance);

    public async Task<T> WithLifecycleAsync<T>(Func<CycleLifecycle, Task<T>> action)
    {
        await using var db = Database.CreateContext();
        return await action(Lifecycle(db));
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    public static string Plan(string sample = "method: everyone", int minDays = 7, string reminders = "count: 2\n  every: 2d", string postTo = "- channel: teams\n    conversation: \"19:team-channel@thread.tacv2\"") => $"""
        id: pulse
        name: Team pulse
        audiences: [staff]
        features: [responsiveness]
        methods: [survey]
        schedule:
          cron: "0 10 * * 1"
          time_zone: Europe/London
        cycle_days: 5
        sample:
          {sample.Replace("\n", "\n  ", StringComparison.Ordinal)}
        min_days_between_invitations: {minDays}
        minimum_group_size: 3
        reminders:
          {reminders}
        post_to:
          {postTo}
        questions:
          - id: responsiveness
            text: We respond to customers quickly.
            type: rating5
            feature: responsiveness
            required: true
        kpis:
          - id: responsiveness_mean
            metric: mean
            question: responsiveness
            target: 4
        """;
}
