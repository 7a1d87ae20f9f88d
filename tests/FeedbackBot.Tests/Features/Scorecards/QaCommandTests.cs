using System.Text.Json;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;

namespace FeedbackBot.Tests.Features.Scorecards;

/// <summary>
/// <c>qa calibration</c> and <c>qa report</c> on a set worked out by hand: evaluators anna and ben each scored the
/// same three calls on <see cref="QaPlans.OneScorecard"/> (score = 100 × (greeting + (pace − 1) / 4) / applicable).
/// </summary>
/// <remarks>
/// Scores: CALL-1 anna yes,5 = 100, ben yes,3 = 75; CALL-2 anna no,1 = 0, ben yes,2 = 62.5; CALL-3 anna yes,4 = 87.5,
/// ben na,4 = 75. Score alpha (interval): D_o = 2 × (25² + 62.5² + 12.5²) / 6 = 1562.5; the six scores' sum of squared
/// deviations is 6145.83, so D_e = 2 × 6 × 6145.83 / 30 = 2458.33 and alpha = 1 − 1562.5 / 2458.33 = 43/118.
/// Greeting (nominal): CALL-3 has one applicable answer, so two units (yes,yes) and (no,yes): D_o = 2/4, D_e = 6/12, alpha = 0.
/// Pace (ordinal): values 5,3 / 1,2 / 4,4 with frequencies 1,1,1,2,1 for 1–5: D_o = (2 × 9 + 2 × 1) / 6 = 10/3,
/// D_e = 2 × 102 / 30 = 6.8, alpha = 1 − (10/3) / 6.8 = 26/51. Each evaluator is 25, 62.5 and 12.5 points from the
/// other: a mean absolute deviation of 100/3.
/// </remarks>
public sealed class QaCommandTests
{
    private const string CalibrationSet = """
        evaluation_id,interaction_id,agent,evaluator,scorecard,channel,evaluated_at,greeting,pace,went_well,to_improve
        A-1,CALL-1,sam,anna,phone-call,phone,2026-12-02T09:00:00Z,yes,5,Warm,Nothing
        B-1,CALL-1,sam,ben,phone-call,phone,2026-12-02T09:30:00Z,yes,3,Warm,Pace
        A-2,CALL-2,sam,anna,phone-call,phone,2026-12-03T09:00:00Z,no,1,Patient,Greeting
        B-2,CALL-2,sam,ben,phone-call,phone,2026-12-03T09:30:00Z,yes,2,Patient,Pace
        A-3,CALL-3,kim,anna,phone-call,phone,2026-12-04T09:00:00Z,yes,4,Quick,Summary
        B-3,CALL-3,kim,ben,phone-call,phone,2026-12-31T23:59:00Z,na,4,Quick,Summary
        """;

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task QaCalibration_HandWorkedSet_PrintsTheHandWorkedFiguresAsJson(DatabaseProvider provider)
    {
        await using var database = await ImportedAsync(provider);

        var run = await CliRun.RunAsync(database, "qa", "calibration", "--plan", "p", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(43.0 / 118, root.GetProperty("score_alpha").GetDouble(), 9);
        Assert.Equal(3, root.GetProperty("interactions").GetInt32());
        Assert.False(root.GetProperty("reliable").GetBoolean());
        var criteria = root.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(["greeting", "pace"], criteria.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(["nominal", "ordinal"], criteria.Select(c => c.GetProperty("metric").GetString()));
        Assert.Equal(0, criteria[0].GetProperty("alpha").GetDouble(), 9);
        Assert.Equal(2, criteria[0].GetProperty("interactions").GetInt32());
        Assert.Equal(26.0 / 51, criteria[1].GetProperty("alpha").GetDouble(), 9);
        Assert.Equal(3, criteria[1].GetProperty("interactions").GetInt32());
        var evaluators = root.GetProperty("evaluators").EnumerateArray().ToList();
        Assert.Equal(["anna", "ben"], evaluators.Select(e => e.GetProperty("evaluator").GetString()));
        Assert.All(evaluators, e => Assert.Equal(3, e.GetProperty("evaluations").GetInt32()));
        Assert.All(evaluators, e => Assert.Equal(100.0 / 3, e.GetProperty("mean_absolute_deviation").GetDouble(), 9));
    }

    [Fact]
    public async Task QaCalibration_Text_FlagsAlphaBelowTheThreshold()
    {
        await using var database = await ImportedAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, "qa", "calibration", "--plan", "p");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("score alpha: 0.364, not reliable enough to act on over 3 interaction(s)", run.Out, StringComparison.Ordinal);
        Assert.Contains("  anna: 33.3 points over 3 evaluation(s)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QaCalibration_PeriodWithoutSharedInteractions_SaysNotEnoughToTell()
    {
        await using var database = await ImportedAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, "qa", "calibration", "--plan", "p", "--period", "2026-12-04..2026-12-30");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("score alpha: not enough to tell over 0 interaction(s)", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task QaReport_HandWorkedSet_PrintsEvaluationsAverageAndPassRateAsJson(DatabaseProvider provider)
    {
        await using var database = await ImportedAsync(provider);

        var run = await CliRun.RunAsync(database, "qa", "report", "--plan", "p", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(6, root.GetProperty("evaluations").GetInt32());

        // (100 + 75 + 0 + 62.5 + 87.5 + 75) / 6; passed at 80: 100 and 87.5.
        Assert.Equal(400.0 / 6, root.GetProperty("average_score").GetDouble(), 9);
        Assert.Equal(100.0 * 2 / 6, root.GetProperty("pass_rate").GetDouble(), 9);
        Assert.Equal(0, root.GetProperty("critical_fail_rate").GetDouble());
        var agents = root.GetProperty("agents").EnumerateArray().ToList();
        Assert.Equal(["kim", "sam"], agents.Select(a => a.GetProperty("agent").GetString()));
        Assert.Equal(81.25, agents[0].GetProperty("average_score").GetDouble(), 9);
    }

    [Fact]
    public async Task QaReport_Period_CountsBothEndDaysOnly()
    {
        await using var database = await ImportedAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, "qa", "report", "--plan", "p", "--period", "2026-12-03..2026-12-31", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(4, json.RootElement.GetProperty("evaluations").GetInt32());
    }

    [Fact]
    public async Task QaReport_BadPeriod_ExitsTwoNamingTheOption()
    {
        await using var database = await ImportedAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, "qa", "report", "--plan", "p", "--period", "2026-12-31..2026-12-01");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("--period 2026-12-31..2026-12-01 ends before it starts", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task QaReport_Markdown_PrintsTheHandWorkedFiguresAsTableRows(DatabaseProvider provider)
    {
        await using var database = await ImportedAsync(provider);

        var run = await CliRun.RunAsync(database, "qa", "report", "--plan", "p", "--format", "md");

        // greeting: yes, yes, no, yes, yes and one not applicable; pace: 5, 3, 1, 2, 4, 4, of which 5, 4, 4 pass.
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(
            """
            # QA report for plan p, all dates

            | Evaluations | Scored | Average score | Pass rate | Critical fail rate |
            |---|---|---|---|---|
            | 6 | 6 | 66.7 | 33.3% | 0.0% |

            ## Criteria

            | Scorecard | Criterion | Applicable | Passed | Pass rate |
            |---|---|---|---|---|
            | phone-call | greeting | 5 | 4 | 80.0% |
            | phone-call | pace | 6 | 3 | 50.0% |

            ## Agents

            | Agent | Evaluations | Average score |
            |---|---|---|
            | kim | 2 | 81.3 |
            | sam | 4 | 59.4 |

            ## Coverage

            No coverage: the plan sets no qa_target, or nobody was evaluated.

            """.ReplaceLineEndings("\n"),
            run.Out);
    }

    [Fact]
    public async Task QaReport_MarkdownWithTarget_PrintsACoverageRowPerAgentAndChannel()
    {
        // Dated from today, as coverage counts the qa_target window ending now.
        var today = DateTime.UtcNow.Date;
        string At(int daysAgo) => today.AddDays(-daysAgo).ToString("yyyy-MM-dd'T'09:00:00'Z'", System.Globalization.CultureInfo.InvariantCulture);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        await QaPlans.ApplyAsync(database, folder, QaPlans.OneScorecard + "\nqa_target: {per_agent: 2, every: 30d}\n");
        var evaluations = folder.Write("evaluations.csv", $"""
            evaluation_id,interaction_id,agent,evaluator,scorecard,channel,evaluated_at,greeting,pace,went_well,to_improve
            E-1,CALL-1,sam,anna,phone-call,phone,{At(1)},yes,5,Warm,Nothing
            E-2,CALL-2,sam,anna,phone-call,phone,{At(2)},yes,4,Warm,Nothing
            E-3,CHAT-1,kim,anna,phone-call,chat,{At(3)},no,2,Quick,Greeting
            """);
        Assert.Equal(0, (await CliRun.RunAsync(database, "import", "evaluations", evaluations, "--plan", "p")).ExitCode);

        var run = await CliRun.RunAsync(database, "qa", "report", "--plan", "p", "--format", "md");

        Assert.True(run.ExitCode == 0, run.Error);
        var coverage = run.Out[run.Out.IndexOf("## Coverage", StringComparison.Ordinal)..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "## Coverage",
                "| Agent | Channel | Evaluations | Target | Met |",
                "|---|---|---|---|---|",
                "| kim | chat | 1 | 2 | below target |",
                "| sam | phone | 2 | 2 | yes |",
            ],
            coverage);
    }

    [Fact]
    public async Task QaCalibration_Markdown_IsRefusedAsAnUnknownFormat()
    {
        await using var database = await ImportedAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, "qa", "calibration", "--plan", "p", "--format", "md");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
    }

    private static async Task<TestDatabase> ImportedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        await QaPlans.ApplyAsync(database, folder);
        var run = await CliRun.RunAsync(database, "import", "evaluations", folder.Write("calibration.csv", CalibrationSet), "--plan", "p");
        Assert.True(run.ExitCode == 0, run.Error);
        return database;
    }
}
