using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using FeedbackBot.CommandLine;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Plans;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Plans;
using FeedbackBot.Infrastructure.Hosting;
using FeedbackBot.Infrastructure.Storage;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedbackBot.Benchmarks;

/// <summary>
/// Signed Teams pulse-card submissions (Universal Action invokes, each a different person's answer) sent to the real
/// bot on PostgreSQL at a fixed rate, open loop, with the acknowledgement latency measured from the moment each
/// request was due (so a stalled server is charged for the requests it kept waiting); then the same requests as fast
/// as a fixed number of senders can, for the throughput. Each phase runs against a bare Kestrel endpoint that only
/// parses the JSON too, in the same process and run, so the two can be compared on the same machine and moment.
/// </summary>
internal static class IngestBenchmark
{
    private const string TenantId = "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a99";

    public static async Task<int> RunAsync(string[] args)
    {
        var rate = BenchmarkArgs.Number(args, "--rate", 1000);
        var seconds = BenchmarkArgs.Number(args, "--seconds", 60);
        var saturateSeconds = BenchmarkArgs.Number(args, "--saturate-seconds", 15);
        var senders = BenchmarkArgs.Number(args, "--senders", 64);
        var saturateCap = BenchmarkArgs.Number(args, "--saturate-max", 40_000);
        var openLoop = rate * seconds;
        const int warmUp = 3_000;
        var people = warmUp + openLoop + saturateCap;

        Console.WriteLine($"load before: {LoadAverage()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, concurrent {System.Runtime.GCSettings.LatencyMode}, {Environment.ProcessorCount} cores"));

        // A server of the benchmark's own with PostgreSQL's durability on (each commit flushed to disk), as in
        // production; the tests' shared server turns it off for speed. A server named in FEEDBACKBOT_TEST_POSTGRES
        // is used as it is configured.
        var external = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresCluster.ServerVariable));
        await using var own = external ? null : await PostgresCluster.StartPrivateAsync(durable: true);
        var shared = external ? await PostgresCluster.GetAsync() : null;
        var connection = own is not null ? await own.CreateDatabaseAsync("ingest") : await shared!.CreateDatabaseAsync("ingest");
        Console.WriteLine(external ? "PostgreSQL: the server in " + PostgresCluster.ServerVariable : "PostgreSQL: a cluster of its own, durable (fsync and synchronous commit on)");
        // Extra Npgsql connection-string keywords to try (e.g. "Max Auto Prepare=50"), appended as given.
        var extra = BenchmarkArgs.Text(args, "--npgsql");
        if (extra is not null)
        {
            connection += ";" + extra;
            Console.WriteLine($"connection string extras: {extra}");
        }

        await using var connector = await FakeConnector.StartAsync();
        await using var tokens = await FakeTokenEndpoint.StartAsync();
        await using var identity = await FakeBotFrameworkIdentity.StartAsync();
        var key = identity.Publish(identity.CreateKey("ingest-key", "msteams"));
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Feedback"] = connection,
            ["Teams:AppId"] = FakeBotFrameworkIdentity.AppId,
            ["Teams:AppPassword"] = "benchmark-password",
            ["Teams:OpenIdMetadataUrl"] = identity.MetadataUrl.AbsoluteUri,
            ["Teams:TokenEndpoint"] = tokens.Template,
            ["Playground:Enabled"] = "false",
            // One tenant from one address at 1,000 a second is above the default allowances by design; the limiters
            // stay in the measured path, with room for the whole run.
            ["RateLimits:PerTenantPerMinute"] = "1000000",
            ["RateLimits:ChatPerClientPerMinute"] = "1000000",
            // The production levels, less the per-request information lines that would go to this console.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var bot = BotWebApplication.Build(["--urls=http://127.0.0.1:0"], new CliContext(TextWriter.Null, TextWriter.Null, settings));
        await bot.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        Console.WriteLine($"Seeding {people:N0} people with an invitation to an open pulse...");
        var seeding = Stopwatch.StartNew();
        var (planKey, cycleId) = await SeedAsync(bot.Services.GetRequiredService<IDbContextFactory<FeedbackDbContext>>(), connector.ServiceUrl, people);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded in {seeding.Elapsed.TotalSeconds:0.0} s."));

        await bot.StartAsync();
        await using var bare = await StartBareAsync();
        var botUrl = new Uri(bot.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var authorization = "Bearer " + FakeBotFrameworkIdentity.Sign(key, FakeBotFrameworkIdentity.Claims(DateTimeOffset.UtcNow, connector.ServiceUrl));
        var requests = new Requests(connector.ServiceUrl, planKey, cycleId, authorization);
        // At most 256 connections, as a platform's front end would hold; a request waits for one when all are busy, and
        // that wait is part of its latency. Without a cap a server that falls behind is sent tens of thousands of
        // connections at once, which measures the operating system rather than the bot.
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = 256 })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

        // Each target is warmed up just before it is measured (JIT, the connection pool at the concurrency the run
        // will need, each connection's prepared statements, the signing key cache), with people who are not
        // measured: the figures are of a bot that has been running, not of its first seconds.
        await ClosedLoopAsync(client, new Uri(bare.Url, "api/messages"), requests, first: 0, count: warmUp, senders, TimeSpan.FromSeconds(30));
        var next = 0;

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Open loop: {rate:N0} requests/s for {seconds} s ({openLoop:N0} requests) to each target."));
        var bareOpen = await OpenLoopAsync(client, new Uri(bare.Url, "api/messages"), requests, first: 0, rate, openLoop);
        Print("bare endpoint", bareOpen);
        var warmed = await ClosedLoopAsync(client, new Uri(botUrl, "api/messages"), requests, first: next, count: warmUp, senders, TimeSpan.FromSeconds(30));
        next += warmUp;
        var botOpen = await OpenLoopAsync(client, new Uri(botUrl, "api/messages"), requests, first: next, rate, openLoop);
        Print("bot (PostgreSQL)", botOpen);
        PrintSlowestSeconds(botOpen, rate);
        next += openLoop;

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Closed loop: {senders} senders, as fast as answered, {saturateSeconds} s or {saturateCap:N0} requests."));
        var limit = Math.Min(saturateCap, people - next);
        var bareSaturated = await ClosedLoopAsync(client, new Uri(bare.Url, "api/messages"), requests, first: 0, count: limit, senders, TimeSpan.FromSeconds(saturateSeconds));
        Print("bare endpoint", bareSaturated);
        var botSaturated = await ClosedLoopAsync(client, new Uri(botUrl, "api/messages"), requests, first: next, count: limit, senders, TimeSpan.FromSeconds(saturateSeconds));
        Print("bot (PostgreSQL)", botSaturated);

        await using (var db = await bot.Services.GetRequiredService<IDbContextFactory<FeedbackDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.Responses.CountAsync(r => r.CycleId == cycleId);
            var acknowledged = warmed.Ok + botOpen.Ok + botSaturated.Ok;
            Console.WriteLine();
            Console.WriteLine($"responses stored {stored:N0}; bot requests acknowledged 200 {acknowledged:N0} (warm-up {warmed.Ok:N0} of {warmUp:N0} included)");
            // More stored than acknowledged is a request the bot stored after this client had given up waiting (30 s):
            // the platform would retry it and be answered from the stored response. Fewer would be a lost answer.
            Console.WriteLine(stored >= acknowledged
                ? $"no acknowledged answer lost; stored after the client gave up: {stored - acknowledged:N0}"
                : $"LOST: {acknowledged - stored:N0} acknowledged answers are not stored.");
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"goal p99 < 50 ms: {(botOpen.Percentile(0.99) < 50 ? "met" : "NOT met")} ({botOpen.Percentile(0.99):0.0} ms); " +
            $"goal throughput >= half the bare endpoint's: {(botSaturated.Throughput >= bareSaturated.Throughput / 2 ? "met" : "NOT met")} " +
            $"({botSaturated.Throughput:N0} vs {bareSaturated.Throughput:N0} requests/s = {botSaturated.Throughput / bareSaturated.Throughput:P1})"));
        Console.WriteLine($"load after: {LoadAverage()}");

        await bot.StopAsync();
        await bot.DisposeAsync();
        if (shared is not null)
        {
            await shared.DropDatabaseAsync(connection);
        }
        return botOpen.Errors == 0 && botSaturated.Errors == 0 ? 0 : 1;
    }

    private static void Print(string target, Measurement m) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {target,-17} sent {m.Sent,7:N0}  200 {m.Ok,7:N0}  busy 503 {m.Busy,6:N0}  other {m.Errors - m.Busy,4:N0}  throughput {m.Throughput,7:N0}/s  " +
            $"latency p50 {m.Percentile(0.50),7:0.0} ms  p99 {m.Percentile(0.99),7:0.0} ms  max {m.Max,7:0.0} ms  over 3 s {m.Over(3000):N0}  over 15 s {m.Over(15000):N0}"));

    // Where the tail comes from: the seconds (by when their requests were due) with the slowest requests, beside the
    // garbage collector's pauses and collections in that second of the run.
    private static void PrintSlowestSeconds(Measurement m, int rate)
    {
        Console.WriteLine("    slowest seconds (due second: p99 / max; GC pause, gen0/gen1/gen2 collections in that second):");
        var seconds = m.Latencies.Select((latency, i) => (Second: i / rate, Latency: latency)).GroupBy(x => x.Second)
            .Select(g => (g.Key, Sorted: g.Select(x => x.Latency).Order().ToArray()))
            .OrderByDescending(g => g.Sorted[^1]).Take(5).OrderBy(g => g.Key);
        foreach (var (second, sorted) in seconds)
        {
            var gc = second < m.Collector.Count ? m.Collector[second] : default;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"      {second,3}: {sorted[Math.Max(0, (int)Math.Ceiling(0.99 * sorted.Length) - 1)],6:0.0} / {sorted[^1],6:0.0} ms; GC {gc.PauseMs,5:0.0} ms, {gc.Gen0}/{gc.Gen1}/{gc.Gen2}"));
        }
    }

    // Request i is due at start + i / rate; its latency runs from then, not from when it was actually sent.
    private static async Task<Measurement> OpenLoopAsync(HttpClient client, Uri url, Requests requests, int first, int rate, int count)
    {
        var latencies = new double[count];
        var statuses = new int[count];
        var inFlight = new List<Task>(count);
        var collector = new List<CollectorSecond>();
        using var sampling = new CancellationTokenSource();
        var sampler = SampleCollectorAsync(collector, sampling.Token);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (sent < count)
        {
            var due = Math.Min(count, (int)(clock.Elapsed.TotalSeconds * rate) + 1);
            for (; sent < due; sent++)
            {
                var i = sent;
                var dueAt = TimeSpan.FromSeconds((double)i / rate);
                inFlight.Add(SendAsync(client, url, requests.Body(first + i), requests.Authorization, clock, dueAt, latencies, statuses, i));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(inFlight);
        var elapsed = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        return new Measurement(latencies, statuses, count, elapsed) { Collector = collector };
    }

    // Once a second: how long the garbage collector paused the process, and how many collections of each generation ran.
    private static async Task SampleCollectorAsync(List<CollectorSecond> seconds, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var (pause, gen0, gen1, gen2) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var now = (Pause: GC.GetTotalPauseDuration(), Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2));
                seconds.Add(new CollectorSecond((now.Pause - pause).TotalMilliseconds, now.Gen0 - gen0, now.Gen1 - gen1, now.Gen2 - gen2));
                (pause, gen0, gen1, gen2) = now;
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private readonly record struct CollectorSecond(double PauseMs, int Gen0, int Gen1, int Gen2);

    private static async Task<Measurement> ClosedLoopAsync(HttpClient client, Uri url, Requests requests, int first, int count, int senders, TimeSpan budget)
    {
        var latencies = new double[count];
        var statuses = new int[count];
        var clock = Stopwatch.StartNew();
        var taken = -1;
        async Task SenderAsync()
        {
            while (clock.Elapsed < budget)
            {
                var i = Interlocked.Increment(ref taken);
                if (i >= count)
                {
                    return;
                }

                await SendAsync(client, url, requests.Body(first + i), requests.Authorization, clock, clock.Elapsed, latencies, statuses, i);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(SenderAsync)));
        var elapsed = clock.Elapsed.TotalSeconds;
        var done = Math.Min(count, taken + 1);
        return new Measurement(latencies[..done], statuses[..done], done, elapsed);
    }

    private static async Task SendAsync(HttpClient client, Uri url, byte[] body, string authorization, Stopwatch clock, TimeSpan dueAt, double[] latencies, int[] statuses, int i)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        try
        {
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            statuses[i] = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            statuses[i] = -1;
        }
        catch (TaskCanceledException)
        {
            statuses[i] = -2;
        }

        latencies[i] = (clock.Elapsed - dueAt).TotalMilliseconds;
    }

    private static async Task<BareEndpoint> StartBareAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/api/messages", async (HttpContext context) =>
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return Results.Ok();
        });
        await app.StartAsync();
        var url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new BareEndpoint(app, new Uri(url, "/"));
    }

    private static async Task<(string PlanKey, Guid CycleId)> SeedAsync(IDbContextFactory<FeedbackDbContext> contexts, string serviceUrl, int people)
    {
        var now = DateTime.UtcNow;
        await using var db = await contexts.CreateDbContextAsync();
        var tenant = new Tenant { Id = Guid.NewGuid(), Channel = TenantChannel.Teams, ExternalId = TenantId, Name = "Ingest", CreatedAt = now };
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        var parsed = PlanParser.Parse("pulse.yaml", IngestPlan, new PlanParserOptions(_ => true));
        if (parsed.Plan is null)
        {
            throw new InvalidOperationException("The benchmark's plan does not parse: " + string.Join("; ", parsed.Errors.Select(e => e.Message)));
        }

        await ApplyPlans.ApplyAsync(db, tenant, [(parsed.Plan, "pulse.yaml")], now, CancellationToken.None);
        var plan = await db.Plans.SingleAsync();
        var version = await db.PlanVersions.SingleAsync();
        var cycle = new ReviewCycle { Id = Guid.NewGuid(), PlanId = plan.Id, PlanVersionId = version.Id, StartsAt = now.AddMinutes(-1), EndsAt = now.AddDays(7), State = CycleState.Open, CreatedAt = now };
        db.ReviewCycles.Add(cycle);
        await db.SaveChangesAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < people; i++)
        {
            var person = new Person { Id = Guid.NewGuid(), TenantId = tenant.Id, ChannelUserId = UserId(i), DisplayName = $"Staff {i}", CreatedAt = now };
            db.People.Add(person);
            // As the install turn stored it, the bot's own id included: a reference that changes nothing is not written.
            db.ConversationReferences.Add(new ConversationReference { Id = Guid.NewGuid(), TenantId = tenant.Id, PersonId = person.Id, ConversationId = Conversation(i), ServiceUrl = serviceUrl, BotId = "28:" + FakeBotFrameworkIdentity.AppId, UpdatedAt = now });
            db.Invitations.Add(new Invitation { Id = Guid.NewGuid(), CycleId = cycle.Id, PersonId = person.Id, State = InvitationState.Sent, CreatedAt = now });
            if (i % 2000 == 1999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync();
        return (plan.Key, cycle.Id);
    }

    private static string UserId(int i) => $"29:ingest-{i}";

    private static string Conversation(int i) => $"a:ingest-{i}";

    private const string IngestPlan = """
        id: ingest-pulse
        name: Ingest pulse
        audiences: [staff]
        features: [responsiveness, reliability, empathy, resolution, communication]
        methods: [survey]
        questions:
          - {id: responsiveness, text: We respond quickly., type: agree5, feature: responsiveness, required: true}
          - {id: reliability, text: We keep our promises., type: agree5, feature: reliability, required: true}
          - {id: empathy, text: We understand each customer., type: agree5, feature: empathy, required: true}
          - {id: resolution, text: I can resolve issues first time., type: agree5, feature: resolution, required: true}
          - {id: communication, text: We keep customers informed., type: agree5, feature: communication, required: true}
          - {id: enps, text: Would you recommend working here?, type: nps}
          - {id: comment, text: What gets in the way?, type: text}
        kpis:
          - {id: enps, metric: nps, question: enps, target: 20}
        cycle_days: 14
        sample: {method: everyone}
        minimum_group_size: 5
        """;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";


    /// <summary>The invoke a Teams client sends when person i submits the pulse card, each answer a little different.</summary>
    private sealed class Requests(string serviceUrl, string planKey, Guid cycleId, string authorization)
    {
        private static readonly string[] Comments =
        [
            "More time for complex calls.", "The new tool is slow at peak times.", "Good support from the team lead.",
            "Handovers between shifts lose information.", "",
        ];

        public string Authorization { get; } = authorization;

        public byte[] Body(int i)
        {
            var activity = new Dictionary<string, object>
            {
                ["type"] = "invoke",
                ["name"] = "adaptiveCard/action",
                ["id"] = $"f:ingest-{i}",
                ["serviceUrl"] = serviceUrl,
                ["channelId"] = "msteams",
                ["from"] = new Dictionary<string, string> { ["id"] = UserId(i), ["name"] = $"Staff {i}" },
                ["recipient"] = new Dictionary<string, string> { ["id"] = "28:" + FakeBotFrameworkIdentity.AppId, ["name"] = "FeedbackBot" },
                ["conversation"] = new Dictionary<string, string> { ["id"] = Conversation(i), ["conversationType"] = "personal", ["tenantId"] = TenantId },
                ["channelData"] = new Dictionary<string, object> { ["tenant"] = new Dictionary<string, string> { ["id"] = TenantId } },
                ["value"] = new Dictionary<string, object>
                {
                    ["action"] = new Dictionary<string, object>
                    {
                        ["type"] = "Action.Execute",
                        ["verb"] = Verbs.SubmitSurvey,
                        ["data"] = new Dictionary<string, string>
                        {
                            [Verbs.PlanField] = planKey,
                            [Verbs.CycleField] = cycleId.ToString("D"),
                            [Verbs.CardField] = $"card-{i}",
                            ["responsiveness"] = (1 + (i % 5)).ToString(CultureInfo.InvariantCulture),
                            ["reliability"] = (1 + (i / 5 % 5)).ToString(CultureInfo.InvariantCulture),
                            ["empathy"] = (1 + (i / 25 % 5)).ToString(CultureInfo.InvariantCulture),
                            ["resolution"] = (1 + (i / 7 % 5)).ToString(CultureInfo.InvariantCulture),
                            ["communication"] = (1 + (i / 3 % 5)).ToString(CultureInfo.InvariantCulture),
                            ["enps"] = (i % 11).ToString(CultureInfo.InvariantCulture),
                            ["comment"] = Comments[i % Comments.Length],
                        },
                    },
                    ["trigger"] = "manual",
                },
            };
            return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(activity));
        }
    }

    private sealed record BareEndpoint(WebApplication App, Uri Url) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }

    private sealed class Measurement(double[] latencies, int[] statuses, int sent, double seconds)
    {
        private readonly double[] _sorted = latencies.Order().ToArray();

        public double[] Latencies { get; } = latencies;

        public List<CollectorSecond> Collector { get; init; } = [];

        public int Sent { get; } = sent;

        public int Ok { get; } = statuses.Count(s => s == (int)HttpStatusCode.OK);

        public int Errors => Sent - Ok;

        // Refused before anything was read, because the request waited longer than the bot's chat queue allows.
        public int Busy { get; } = statuses.Count(s => s == (int)HttpStatusCode.ServiceUnavailable);

        public double Throughput => Ok / seconds;

        public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

        // Nearest rank: the smallest latency with at least p of all at or below it.
        public double Percentile(double p) =>
            _sorted.Length == 0 ? double.NaN : _sorted[Math.Max(0, (int)Math.Ceiling(p * _sorted.Length) - 1)];

        public int Over(double milliseconds) => _sorted.Count(l => l > milliseconds);
    }
}
