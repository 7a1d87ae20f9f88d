using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews.Building;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Plans;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace FeedbackBot.Benchmarks;

/// <summary>
/// Analyses one cycle of N responses to a ten-question plan stored in PostgreSQL, against the time to merely stream
/// the same rows out of the database. Seeds a throwaway cluster, then runs each phase in a fresh child process
/// (so each one's peak memory is its own), a fixed number of rounds, the order of the two alternating from round to
/// round so neither always runs on a warmer cache. Each phase reports the garbage collector it ran with and how much it
/// read; the run fails unless every phase used the server GC the bot runs with and read every seeded response.
/// </summary>
internal static class ReviewAnalysisBenchmark
{
    private static readonly DateTime CycleStart = new(2026, 10, 12, 0, 0, 0, DateTimeKind.Utc);

    // The plan's ten questions, each answered by every seeded response (see SeedAsync).
    private const int AnswersPerResponse = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["phase", var which, var connectionString, var cycle])
        {
            return await PhaseAsync(which, connectionString, Guid.Parse(cycle));
        }

        var responses = BenchmarkArgs.Number(args, "--responses", 1_000_000);
        var rounds = BenchmarkArgs.Number(args, "--rounds", 3);
        var cluster = await PostgresCluster.GetAsync();
        var connection = await cluster.CreateDatabaseAsync("bench");
        try
        {
            return await MeasureAsync(connection, responses, rounds, args);
        }
        finally
        {
            await cluster.DropDatabaseAsync(connection);
        }
    }

    private static async Task<int> MeasureAsync(string connection, int responses, int rounds, string[] args)
    {
        var raw = new List<string>
        {
            "$ dotnet run -c Release --project tests/FeedbackBot.Benchmarks -- " + string.Join(' ', args),
            string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, harness GC {GcName(GCSettings.IsServerGC)}"),
        };
        Say(raw, string.Create(CultureInfo.InvariantCulture, $"Seeding {responses:N0} responses of a {AnswersPerResponse}-question plan..."));
        var seeding = Stopwatch.StartNew();
        var cycleId = await SeedAsync(connection, responses);
        Say(raw, string.Create(CultureInfo.InvariantCulture, $"Seeded in {seeding.Elapsed.TotalSeconds:0.0} s."));

        var expected = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            // The stream reads one row per answer (every response answered all ten questions); the analysis counts
            // the responses it received.
            ["stream"] = (long)responses * AnswersPerResponse,
            ["analyse"] = responses,
        };
        var results = new List<(int Round, string Phase, PhaseResult Result)>();
        for (var round = 1; round <= rounds; round++)
        {
            string[] order = round % 2 == 1 ? ["stream", "analyse"] : ["analyse", "stream"];
            Say(raw, $"round {round}: {string.Join(" then ", order)}");
            foreach (var phase in order)
            {
                var result = await RunChildAsync(phase, connection, cycleId);
                results.Add((round, phase, result));
                Say(raw, string.Create(
                    CultureInfo.InvariantCulture,
                    $"round {round} {phase,-8} {result.Seconds,7:0.00} s  read {result.Rows,12:N0} {(phase == "stream" ? "rows" : "responses")}  peak working set {result.PeakBytes / 1048576.0,7:0.0} MB  managed peak {result.ManagedPeakBytes / 1048576.0,6:0.0} MB  GC {GcName(result.ServerGc)}"));
                if (!result.ServerGc)
                {
                    await Console.Error.WriteLineAsync($"FAILED: the {phase} phase of round {round} ran with the workstation GC; the bot runs with the server GC, so its figures would not be the bot's.");
                    return 1;
                }

                if (result.Rows != expected[phase])
                {
                    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"FAILED: the {phase} phase of round {round} read {result.Rows:N0} {(phase == "stream" ? "rows" : "responses")}, expected {expected[phase]:N0}; its time does not cover every response."));
                    return 1;
                }
            }
        }

        var stream = Median(results.Where(r => r.Phase == "stream").Select(r => r.Result.Seconds));
        var analyse = Median(results.Where(r => r.Phase == "analyse").Select(r => r.Result.Seconds));
        var peak = results.Where(r => r.Phase == "analyse").Max(r => r.Result.PeakBytes) / 1048576.0;
        Say(raw, string.Create(
            CultureInfo.InvariantCulture,
            $"median stream {stream:0.00} s, median analyse {analyse:0.00} s, ratio {analyse / stream:0.00} (goal <= 2), analyse peak working set {peak:0.0} MB (goal < 300)"));
        Say(raw, "every phase ran with the server GC and read every seeded response");
        PrintForDocs(raw, results, responses, rounds);
        return 0;
    }

    private static void Say(List<string> raw, string line)
    {
        Console.WriteLine(line);
        raw.Add(line);
    }

    /// <summary>The run again, as it goes into docs/performance.md: the raw output verbatim, then the results table.</summary>
    private static void PrintForDocs(List<string> raw, List<(int Round, string Phase, PhaseResult Result)> results, int responses, int rounds)
    {
        var text = new StringBuilder();
        text.AppendLine().AppendLine("--- for docs/performance.md ---").AppendLine().AppendLine("```text");
        foreach (var line in raw)
        {
            text.AppendLine(line);
        }

        text.AppendLine("```").AppendLine();
        var numbers = Enumerable.Range(1, rounds).ToList();
        text.AppendLine("| phase | " + string.Join(" | ", numbers.Select(r => $"round {r}")) + " | median | peak working set | managed heap peak |");
        text.AppendLine("| --- | " + string.Join(" | ", numbers.Select(_ => "---:")) + " | ---: | ---: | ---: |");
        foreach (var (phase, label) in new[] { ("stream", string.Create(CultureInfo.InvariantCulture, $"stream {(long)responses * AnswersPerResponse:N0} rows")), ("analyse", string.Create(CultureInfo.InvariantCulture, $"analyse {responses:N0} responses")) })
        {
            var mine = results.Where(r => r.Phase == phase).OrderBy(r => r.Round).Select(r => r.Result).ToList();
            text.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {label} | {string.Join(" | ", mine.Select(r => $"{r.Seconds:0.00} s"))} | **{Median(mine.Select(r => r.Seconds)):0.00} s** | {mine.Max(r => r.PeakBytes) / 1048576.0:0.0} MB | {mine.Max(r => r.ManagedPeakBytes) / 1048576.0:0.0} MB |"));
        }

        text.AppendLine().AppendLine("Order: " + string.Join("; ", numbers.Select(r => $"round {r} {(r % 2 == 1 ? "stream then analyse" : "analyse then stream")}")) + ".");
        Console.Write(text.ToString());
    }

    private static string GcName(bool server) => server ? "server" : "workstation";

    private static async Task<PhaseResult> RunChildAsync(string phase, string connection, Guid cycleId)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (!Environment.ProcessPath!.EndsWith("FeedbackBot.Benchmarks", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(typeof(ReviewAnalysisBenchmark).Assembly.Location);
        }

        foreach (var argument in new[] { "phase", phase, connection, cycleId.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        return child.ExitCode == 0
            ? JsonSerializer.Deserialize<PhaseResult>(output.Trim().Split('\n')[^1])!
            : throw new InvalidOperationException($"The {phase} phase failed: {output}");
    }

    private static async Task<int> PhaseAsync(string phase, string connectionString, Guid cycleId)
    {
        await using var db = new FeedbackDbContext(FeedbackDatabase.CreateOptions(DatabaseProvider.Postgres, connectionString));
        var cycle = await db.ReviewCycles.AsNoTracking().SingleAsync(c => c.Id == cycleId);
        using var sampler = new ManagedPeakSampler();
        var watch = Stopwatch.StartNew();
        long rows = 0;
        if (phase == "stream")
        {
            // Reads every column of the same query the analysis runs, and nothing else.
            await foreach (var _ in CycleResponses.Rows(db, cycleId).AsAsyncEnumerable())
            {
                rows++;
            }
        }
        else
        {
            var input = await ReviewSources.LoadAsync(db, cycle, CancellationToken.None);
            var review = ReviewBuilder.Build(input);
            rows = review.Validation.Received;
        }

        watch.Stop();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(JsonSerializer.Serialize(new PhaseResult(watch.Elapsed.TotalSeconds, rows, self.PeakWorkingSet64, sampler.Peak, GCSettings.IsServerGC)));
        return 0;
    }

    private static async Task<Guid> SeedAsync(string connectionString, int responses)
    {
        var options = FeedbackDatabase.CreateOptions(DatabaseProvider.Postgres, connectionString);
        Guid cycleId;
        Dictionary<string, Guid> questionIds;
        await using (var db = new FeedbackDbContext(options))
        {
            await db.Database.MigrateAsync();
            var now = DateTime.UtcNow;
            var tenant = new Tenant { Id = Guid.NewGuid(), Channel = TenantChannel.Local, ExternalId = "local", Name = "Benchmark", CreatedAt = now };
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();
            var parsed = PlanParser.Parse("benchmark.yaml", BenchmarkPlan.Yaml, new PlanParserOptions(_ => true));
            if (!parsed.IsValid)
            {
                throw new InvalidOperationException(string.Join("; ", parsed.Errors));
            }

            await ApplyPlans.ApplyAsync(db, tenant, [(parsed.Plan!, "benchmark.yaml")], now, CancellationToken.None);
            var plan = await db.Plans.SingleAsync();
            var version = await db.PlanVersions.SingleAsync();
            questionIds = await db.PlanQuestions.Where(q => q.PlanVersionId == version.Id).ToDictionaryAsync(q => q.Key, q => q.Id);
            var cycle = new ReviewCycle
            {
                Id = Guid.NewGuid(),
                PlanId = plan.Id,
                PlanVersionId = version.Id,
                StartsAt = CycleStart,
                EndsAt = CycleStart.AddDays(7),
                State = CycleState.Closed,
                CreatedAt = now,
            };
            db.ReviewCycles.Add(cycle);
            await db.SaveChangesAsync();
            cycleId = cycle.Id;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        string[] segments = ["north", "north", "midlands", "south", "south"];

        // Two passes over the same seeded sequence: responses first, so the answers' foreign keys hold.
        var random = new Random(20261125);
        await using (var responseWriter = await connection.BeginBinaryImportAsync(
            "COPY responses (id, cycle_id, respondent_key, audience, method, segment, submitted_at, duration_seconds, idempotency_key, received_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < responses; i++)
            {
                var submitted = CycleStart.AddSeconds(random.Next(7 * 24 * 3600));
                await responseWriter.StartRowAsync();
                await responseWriter.WriteAsync(ResponseId(i), NpgsqlDbType.Uuid);
                await responseWriter.WriteAsync(cycleId, NpgsqlDbType.Uuid);
                await responseWriter.WriteAsync($"c:{i:D8}", NpgsqlDbType.Varchar);
                await responseWriter.WriteAsync("Customer", NpgsqlDbType.Varchar);
                await responseWriter.WriteAsync("WebLink", NpgsqlDbType.Varchar);
                await responseWriter.WriteAsync(segments[random.Next(segments.Length)], NpgsqlDbType.Varchar);
                await responseWriter.WriteAsync(submitted, NpgsqlDbType.TimestampTz);
                await responseWriter.WriteAsync(30.0 + random.Next(300), NpgsqlDbType.Double);
                await responseWriter.WriteAsync($"bench:{i}", NpgsqlDbType.Varchar);
                await responseWriter.WriteAsync(submitted, NpgsqlDbType.TimestampTz);
            }

            await responseWriter.CompleteAsync();
        }

        random = new Random(20261126);
        await using (var answerWriter = await connection.BeginBinaryImportAsync(
            "COPY answers (response_id, question_id, value, number) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < responses; i++)
            {
                var id = ResponseId(i);
                var mood = random.NextDouble();
                await Answer(answerWriter, id, questionIds["satisfaction"], Scale(random, mood, 1, 5));
                await Answer(answerWriter, id, questionIds["recommend"], Scale(random, mood, 0, 10));
                await Answer(answerWriter, id, questionIds["effort"], Scale(random, 1 - mood, 1, 7));
                await Answer(answerWriter, id, questionIds["first_contact"], mood > 0.3 ? "yes" : "no");
                await Answer(answerWriter, id, questionIds["speed"], Scale(random, mood, 1, 5));
                await Answer(answerWriter, id, questionIds["promises"], Scale(random, mood, 1, 5));
                await Answer(answerWriter, id, questionIds["understood"], Scale(random, mood, 1, 5));
                await Answer(answerWriter, id, questionIds["informed"], Scale(random, mood, 1, 5));
                await Answer(answerWriter, id, questionIds["channel"], random.Next(3) switch { 0 => "Phone", 1 => "Email", _ => "Web chat" });
                await Answer(answerWriter, id, questionIds["comment"], BenchmarkPlan.Comments[random.Next(BenchmarkPlan.Comments.Length)]);
            }

            await answerWriter.CompleteAsync();
        }

        foreach (var table in new[] { "responses", "answers" })
        {
            await using var analyse = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection);
            await analyse.ExecuteNonQueryAsync();
        }
        return cycleId;
    }

    private static Guid ResponseId(int i) => new(i, 0x4242, 0x4242, [0, 0, 0, 0, 0, 0, 0, 1]);

    private static async Task Answer(NpgsqlBinaryImporter writer, Guid response, Guid question, string value)
    {
        await writer.StartRowAsync();
        await writer.WriteAsync(response, NpgsqlDbType.Uuid);
        await writer.WriteAsync(question, NpgsqlDbType.Uuid);
        await writer.WriteAsync(value, NpgsqlDbType.Varchar);
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            await writer.WriteAsync(number, NpgsqlDbType.Double);
        }
        else
        {
            await writer.WriteNullAsync();
        }
    }

    // A respondent's general mood drives all their ratings, with noise, so the figures look like real surveys.
    private static string Scale(Random random, double mood, int min, int max)
    {
        var value = min + ((max - min) * Math.Clamp(mood + ((random.NextDouble() - 0.5) * 0.4), 0, 1));
        return ((int)Math.Round(value)).ToString(CultureInfo.InvariantCulture);
    }


    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <param name="Seconds"></param>
    /// <param name="Rows">Rows streamed, or responses the analysis received.</param>
    /// <param name="PeakBytes"></param>
    /// <param name="ManagedPeakBytes"></param>
    /// <param name="ServerGc">Whether the child ran with the server GC: it inherits the harness's runtime configuration.</param>
    private sealed record PhaseResult(double Seconds, long Rows, long PeakBytes, long ManagedPeakBytes, bool ServerGc);
}
