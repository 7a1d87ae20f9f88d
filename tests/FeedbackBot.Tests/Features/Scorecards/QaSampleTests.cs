using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Features.Scorecards;

/// <summary>
/// <c>qa sample</c> on a small log: in December sam has four calls (CALL-S1 already evaluated) and two chats, kim one
/// call; sam's November call is outside the period. Three per agent: sam has 3 calls and 2 chats left, exact shares
/// 1.8 and 1.2, so 2 calls and 1 chat; kim has only one, so gets it and is short.
/// </summary>
public sealed class QaSampleTests
{
    private const string Log = """
        interaction_id,agent,channel,started_at,duration_seconds,queue
        CALL-S0,sam,phone,2026-11-30T16:00:00Z,200,billing
        CALL-S1,sam,phone,2026-12-01T09:00:00Z,200,billing
        CALL-S2,sam,phone,2026-12-02T09:00:00Z,200,billing
        CALL-S3,sam,phone,2026-12-03T09:00:00Z,200,returns
        CALL-S4,sam,phone,2026-12-04T09:00:00Z,200,billing
        CHAT-S1,sam,chat,2026-12-05T09:00:00Z,,
        CHAT-S2,sam,chat,2026-12-06T09:00:00Z,,web
        CALL-K1,kim,phone,2026-12-31T23:30:00Z,90,billing
        """;

    private const string Evaluated = """
        evaluation_id,interaction_id,agent,evaluator,scorecard,channel,evaluated_at,greeting,pace,went_well,to_improve
        A-1,CALL-S1,sam,anna,phone-call,phone,2026-12-02T09:00:00Z,yes,5,Warm,Nothing
        """;

    private static readonly string[] December = ["qa", "sample", "--plan", "p", "--per-agent", "3", "--period", "2026-12-01..2026-12-31"];

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task QaSample_Log_PicksPerAgentAndChannelNeverAnEvaluatedOne(DatabaseProvider provider)
    {
        await using var database = await ImportedAsync(provider);

        var run = await CliRun.RunAsync(database, [.. December, "--format", "csv"]);

        Assert.True(run.ExitCode == 0, run.Error);
        var rows = Lines(run.Out);
        Assert.Equal("interaction_id,agent,channel,started_at,queue", rows[0]);
        Assert.Equal("CALL-K1,kim,phone,2026-12-31T23:30:00Z,billing", rows[1]);
        var sam = rows.Skip(2).Select(r => r.Split(',')).ToList();
        Assert.Equal(3, sam.Count);
        Assert.All(sam, r => Assert.Equal("sam", r[1]));
        Assert.Equal(2, sam.Count(r => r[2] == "phone"));
        Assert.Equal(1, sam.Count(r => r[2] == "chat"));
        Assert.DoesNotContain(sam, r => r[0] is "CALL-S0" or "CALL-S1");
        Assert.Contains("  kim: 1 of 3 (phone 1); short: only 1 not yet evaluated, all picked", run.Error, StringComparison.Ordinal);
        Assert.Contains("  sam: 3 of 3 (phone 2, chat 1); 1 already evaluated left out", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task QaSample_PrintedSeedGivenBack_PicksTheSameInteractions(DatabaseProvider provider)
    {
        await using var database = await ImportedAsync(provider);

        var first = await CliRun.RunAsync(database, December);
        var seed = first.Out.Split("repeat with --seed ")[1].Split(')')[0];
        var again = await CliRun.RunAsync(database, [.. December, "--seed", seed]);
        var rerun = await CliRun.RunAsync(database, December);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(first.Out, again.Out);
        Assert.Equal(first.Out, rerun.Out);
    }

    [Fact]
    public async Task QaSample_Text_PrintsATableAndEachAgentsSummary()
    {
        await using var database = await ImportedAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, [.. December, "--seed", "7"]);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = Lines(run.Out);
        Assert.Equal("interaction_id  agent  channel  started_at            queue", lines[0]);
        Assert.Equal("CALL-K1         kim    phone    2026-12-31T23:30:00Z  billing", lines[1]);
        Assert.Equal("QA sample for plan p, 2026-12-01..2026-12-31: 3 per agent, 4 interaction(s) picked, seed 7 (repeat with --seed 7)", lines[5]);
        Assert.Equal(["agents:", "  kim: 1 of 3 (phone 1); short: only 1 not yet evaluated, all picked"], lines[6..8]);
    }

    [Fact]
    public async Task QaSample_Out_WritesTheCsvFileAndPrintsTheSummary()
    {
        await using var database = await ImportedAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "sample.csv");

        var run = await CliRun.RunAsync(database, [.. December, "--seed", "7", "--out", file]);
        var csv = await CliRun.RunAsync(database, [.. December, "--seed", "7", "--format", "csv"]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(csv.Out, await File.ReadAllTextAsync(file));
        Assert.Contains($"Wrote 4 interaction(s) to {file}.", run.Out, StringComparison.Ordinal);
        Assert.Contains("seed 7", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--plan", "nope", "No plan 'nope' in tenant")]
    [InlineData("--period", "2026-12-31..2026-12-01", "--period 2026-12-31..2026-12-01 ends before it starts")]
    [InlineData("--period", "December", "--period must be START..END")]
    [InlineData("--per-agent", "0", "--per-agent must be 1 or more, not 0.")]
    [InlineData("--format", "xml", "xml")]
    public async Task QaSample_HostileArguments_ExitsTwoAndChangesNothing(string option, string value, string message)
    {
        await using var database = await ImportedAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        var interactions = await Interactions.ReadAsync(database);
        var evaluations = await Evaluations.ReadAsync(database);
        var args = December.ToList();
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var run = await CliRun.RunAsync(database, [.. args, "--out", Path.Combine(folder.Path, "sample.csv")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
        Assert.Empty(Directory.GetFiles(folder.Path));
        Assert.Equal(interactions, await Interactions.ReadAsync(database));
        Assert.Equal(evaluations, await Evaluations.ReadAsync(database));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static async Task<TestDatabase> ImportedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        await QaPlans.ApplyAsync(database, folder);
        var log = await CliRun.RunAsync(database, "import", "interactions", folder.Write("interactions.csv", Log));
        Assert.True(log.ExitCode == 0, log.Error);
        var evaluated = await CliRun.RunAsync(database, "import", "evaluations", folder.Write("evaluations.csv", Evaluated), "--plan", "p");
        Assert.True(evaluated.ExitCode == 0, evaluated.Error);
        return database;
    }
}
