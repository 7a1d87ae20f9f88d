using System.Diagnostics;
using System.Globalization;
using FeedbackBot.CommandLine;
using FeedbackBot.Core.Plans;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Plans;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Jobs.Outbox;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackBot.Benchmarks;

/// <summary>
/// Invites N staff of one Teams tenant through the real host (outbox dispatcher, transport, Connector client and
/// its pacer) against a fake Connector on loopback that enforces Teams' limits, and reports the achieved rate
/// against the enforced 50 requests a second, the duplicates and the misses. On SQLite (the default) one host; on
/// PostgreSQL (<c>--database postgres</c>, a throwaway cluster) one or more hosts on the same database
/// (<c>--instances 2</c>), each with its own dispatcher and pacer, as several instances of the bot would run.
/// </summary>
internal static class FanOutBenchmark
{
    private const string TenantId = "7d0c5a1e-2b3f-4c6d-8e9f-0a1b2c3d4e5f";

    public static async Task<int> RunAsync(string[] args)
    {
        var people = BenchmarkArgs.Number(args, "--people", 10_000);
        var allowance = TimeSpan.FromMilliseconds(BenchmarkArgs.Number(args, "--allowance-ms", 100));
        var postgres = BenchmarkArgs.Text(args, "--database", "sqlite") switch
        {
            "sqlite" => false,
            "postgres" => true,
            var other => throw new ArgumentException($"--database must be sqlite or postgres, not '{other}'."),
        };
        var instances = BenchmarkArgs.Number(args, "--instances", 1);
        if (instances < 1 || (!postgres && instances > 1))
        {
            throw new ArgumentException("--instances must be at least 1, and more than 1 only with --database postgres (SQLite is one process).");
        }

        var directory = Path.Combine(Path.GetTempPath(), $"feedbackbot-fanout-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var cluster = postgres ? await PostgresCluster.GetAsync() : null;
        var connection = cluster is not null
            ? await cluster.CreateDatabaseAsync("fanout")
            : $"Data Source={Path.Combine(directory, "feedbackbot.db")}";
        await using var connector = await FakeConnector.StartAsync();
        await using var tokens = await FakeTokenEndpoint.StartAsync();
        await using var identity = await FakeBotFrameworkIdentity.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = postgres ? "Postgres" : "Sqlite",
            ["ConnectionStrings:Feedback"] = connection,
            ["Teams:AppId"] = FakeBotFrameworkIdentity.AppId,
            ["Teams:AppPassword"] = "benchmark-password",
            ["Teams:OpenIdMetadataUrl"] = identity.MetadataUrl.AbsoluteUri,
            ["Teams:TokenEndpoint"] = tokens.Template,
            ["Playground:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Error",
        };
        var hosts = Enumerable.Range(0, instances)
            .Select(_ => BotWebApplication.Build(["--urls=http://127.0.0.1:0"], new CliContext(TextWriter.Null, TextWriter.Null, settings)))
            .ToList();
        var app = hosts[0];
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        Console.WriteLine($"Seeding {people:N0} people, conversations, invitations and outbox rows...");
        var seeding = Stopwatch.StartNew();
        await SeedAsync(app.Services.GetRequiredService<IDbContextFactory<FeedbackDbContext>>(), connector.ServiceUrl, people);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded in {seeding.Elapsed.TotalSeconds:0.0} s."));

        connector.EnforceTeamsLimits(allowance);
        var parallelism = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboxOptions>>().Value.Parallelism;
        var run = Stopwatch.StartNew();
        await Task.WhenAll(hosts.Select(h => h.StartAsync()));
        foreach (var host in hosts)
        {
            host.Services.GetRequiredService<IOutboxSignal>().Notify();
        }

        var contexts = app.Services.GetRequiredService<IDbContextFactory<FeedbackDbContext>>();
        Dictionary<OutboxState, int> states;
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            await using var db = await contexts.CreateDbContextAsync();
            states = (await db.Outbox.AsNoTracking().Select(m => m.State).ToListAsync()).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
            var open = states.GetValueOrDefault(OutboxState.Pending) + states.GetValueOrDefault(OutboxState.Sending) + states.GetValueOrDefault(OutboxState.Transmitting);
            // Which instance sends for the tenant: on PostgreSQL the one holding its send lease.
            var holders = await db.SendLeases.AsNoTracking().Select(l => l.Holder).ToListAsync();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{run.Elapsed.TotalSeconds,6:0} s: {connector.Deliveries.Count,6:N0} delivered, {open,6:N0} to go, {connector.RateViolations} refused (429){(postgres ? $", lease held by {Instance(hosts, holders)}" : "")}"));
            if (open == 0)
            {
                break;
            }
        }

        await Task.WhenAll(hosts.Select(h => h.StopAsync()));
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        var deliveries = connector.Deliveries;
        var distinct = deliveries.Select(d => d.ConversationId).Distinct().Count();
        var expected = Enumerable.Range(1, people).Select(Conversation).ToHashSet();
        var misses = expected.Count(c => !deliveries.Any(d => d.ConversationId == c));
        var seconds = (deliveries[^1].At - deliveries[0].At).TotalSeconds;
        var rate = (deliveries.Count - 1) / seconds;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"people {people:N0}, {(postgres ? "PostgreSQL" : "SQLite")}, instances {instances}, parallelism {parallelism} each, transit allowance {allowance.TotalMilliseconds:0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first to last delivery: {seconds:0.0} s; achieved {rate:0.00} requests/s = {rate / FakeConnector.TenantLimitPerSecond:P1} of {FakeConnector.TenantLimitPerSecond}/s"));
        Console.WriteLine($"delivered {deliveries.Count:N0}, distinct {distinct:N0}, duplicates {deliveries.Count - distinct}, misses {misses}");
        Console.WriteLine($"refused by the fake (429): {connector.RateViolations}; accepted that a strict window would have refused: {connector.StrictTenantExcess}");
        Console.WriteLine("outbox states: " + string.Join(", ", states.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value:N0}")));
        if (cluster is not null)
        {
            await cluster.DropDatabaseAsync(connection);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return deliveries.Count - distinct == 0 && misses == 0 ? 0 : 1;
    }

    private static string Conversation(int i) => $"a:staff-{i}";

    private static async Task SeedAsync(IDbContextFactory<FeedbackDbContext> contexts, string serviceUrl, int people)
    {
        var now = DateTime.UtcNow;
        await using var db = await contexts.CreateDbContextAsync();
        var tenant = new Tenant { Id = Guid.NewGuid(), Channel = TenantChannel.Teams, ExternalId = TenantId, Name = "Fan-out", CreatedAt = now };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        var parsed = PlanParser.Parse("benchmark.yaml", BenchmarkPlan.Yaml, new PlanParserOptions(_ => true));
        await ApplyPlans.ApplyAsync(db, tenant, [(parsed.Plan!, "benchmark.yaml")], now, CancellationToken.None);
        var plan = await db.Plans.SingleAsync();
        var version = await db.PlanVersions.SingleAsync();
        var cycle = new ReviewCycle { Id = Guid.NewGuid(), PlanId = plan.Id, PlanVersionId = version.Id, StartsAt = now.AddMinutes(-1), EndsAt = now.AddDays(7), State = CycleState.Open, CreatedAt = now };
        db.ReviewCycles.Add(cycle);
        await db.SaveChangesAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 1; i <= people; i++)
        {
            var person = new Person { Id = Guid.NewGuid(), TenantId = tenant.Id, ChannelUserId = $"29:staff-{i}", DisplayName = $"Staff {i}", CreatedAt = now };
            db.People.Add(person);
            db.ConversationReferences.Add(new ConversationReference { Id = Guid.NewGuid(), TenantId = tenant.Id, PersonId = person.Id, ConversationId = Conversation(i), ServiceUrl = serviceUrl, UpdatedAt = now });
            db.Invitations.Add(new Invitation { Id = Guid.NewGuid(), CycleId = cycle.Id, PersonId = person.Id, State = InvitationState.Pending, CreatedAt = now });
            db.Outbox.Add(new OutboxMessage
            {
                Id = Guid.NewGuid(),
                TenantId = tenant.Id,
                Kind = OutboxKind.Invitation,
                DedupeKey = $"invite:{cycle.Id}:{person.Id}",
                PersonId = person.Id,
                CycleId = cycle.Id,
                State = OutboxState.Pending,
                NextAttemptAt = now,
                CreatedAt = now.AddTicks(i),
            });
            if (i % 1000 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
    }

    // Host n (from 1) for each lease holder, by the holder name its dispatcher writes.
    private static string Instance(List<WebApplication> hosts, List<string> holders) =>
        holders.Count == 0 ? "nobody"
        : string.Join(", ", holders.Select(h => hosts.FindIndex(a => a.Services.GetRequiredService<TenantSendLeases>().Holder == h) + 1).Select(i => $"instance {i}"));


}
