using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Scorecards;

/// <summary><c>import evaluations</c> on hostile files: every problem named at its cell, and nothing stored.</summary>
public sealed class ImportEvaluationsErrorTests
{
    private const string Header = "evaluation_id,interaction_id,agent,evaluator,scorecard,channel,evaluated_at,greeting,pace,went_well,to_improve";

    [Fact]
    public async Task ImportEvaluations_UnknownScorecard_NamesItsCellWithASuggestion()
    {
        var run = await ImportAsync(Header + "\nEV-1,CALL-1,ben,anna,phone-cal,phone,2026-12-02T09:00:00Z,yes,5,Good,Better\n");

        Assert.Equal(2, run.Run.ExitCode);
        Assert.Equal(
            $"{run.File}:2:scorecard: 'phone-cal' is not a scorecard of the plan; did you mean 'phone-call'? use one of: phone-call",
            run.Run.Error.Split('\n')[0].TrimEnd());
        Assert.Equal(0, run.Stored);
    }

    [Fact]
    public async Task ImportEvaluations_ColumnNoScorecardHas_IsRejectedWithASuggestion()
    {
        var run = await ImportAsync(Header.Replace("pace", "paces", StringComparison.Ordinal) +
            "\nEV-1,CALL-1,ben,anna,phone-call,phone,2026-12-02T09:00:00Z,yes,5,Good,Better\n");

        Assert.Equal(2, run.Run.ExitCode);
        Assert.Equal(
            $"{run.File}:1:paces: column 'paces' is neither a column of an evaluations file nor a criterion of plan 'p''s scorecards; " +
            "did you mean 'pace'? The columns are evaluation_id, interaction_id, agent, evaluator, scorecard, channel, evaluated_at, " +
            "went_well, to_improve, interaction_at, purpose, and a column per criterion: greeting, pace",
            run.Run.Error.Split('\n')[0].TrimEnd());
        Assert.Equal(0, run.Stored);
    }

    [Fact]
    public async Task ImportEvaluations_UnknownPurpose_NamesItsCellAndStoresNothing()
    {
        var run = await ImportAsync(Header.Replace(",greeting", ",purpose,greeting", StringComparison.Ordinal) +
            "\nEV-1,CALL-1,ben,anna,phone-call,phone,2026-12-02T09:00:00Z,training,yes,5,Good,Better\n");

        Assert.Equal(2, run.Run.ExitCode);
        Assert.Equal(
            $"{run.File}:2:purpose: 'training' is not a purpose; use feedback (or leave it empty) or calibration",
            run.Run.Error.Split('\n')[0].TrimEnd());
        Assert.Equal(0, run.Stored);
    }

    [Fact]
    public async Task ImportEvaluations_MissingCriterionColumn_NamesTheCriterion()
    {
        var run = await ImportAsync(Header.Replace(",pace", "", StringComparison.Ordinal) +
            "\nEV-1,CALL-1,ben,anna,phone-call,phone,2026-12-02T09:00:00Z,yes,Good,Better\n");

        Assert.Equal(2, run.Run.ExitCode);
        Assert.Equal(
            $"{run.File}:2:pace: column 'pace' is missing; scorecard 'phone-call' has criterion 'pace', so every evaluation on it needs an answer (na or empty when it does not apply)",
            run.Run.Error.Split('\n')[0].TrimEnd());
        Assert.Equal(0, run.Stored);
    }

    [Fact]
    public async Task ImportEvaluations_BadAnswerAndBlankFeedback_ListsEachAndStoresNothing()
    {
        var run = await ImportAsync(Header + "\n" +
            "EV-1,CALL-1,ben,anna,phone-call,phone,2026-12-02T09:00:00Z,yes,5,Good,Better\n" +
            "EV-2,CALL-2,ben,anna,phone-call,phone,2026-12-02T09:00:00Z,maybe,,Good,  \n");

        Assert.Equal(2, run.Run.ExitCode);
        var lines = run.Run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToList();
        Assert.Equal(
            [
                $"{run.File}:3:to_improve: to_improve is empty; say what to improve; it is what the agent acts on",
                $"{run.File}:3:greeting: 'maybe' is not an answer to criterion 'greeting'; expected yes or no, or na (or empty) when it does not apply",
                $"{run.File}:3:pace: criterion 'pace' does not allow 'not applicable' (allow_na is false); expected a rating from 1 to 5",
            ],
            lines.Take(3));
        Assert.StartsWith("Nothing was stored: 3 error(s) in 1 row(s)", lines[3], StringComparison.Ordinal);
        Assert.Equal(0, run.Stored);
    }

    [Fact]
    public async Task ImportEvaluations_BadRowWithSkipBad_StoresTheGoodRows()
    {
        var run = await ImportAsync(Header + "\n" +
            "EV-1,CALL-1,ben,anna,phone-call,phone,2026-12-02T09:00:00Z,yes,5,Good,Better\n" +
            "EV-2,CALL-2,ben,anna,phone-cal,phone,2026-12-02T09:00:00Z,yes,5,Good,Better\n", "--skip-bad");

        Assert.Equal(0, run.Run.ExitCode);
        Assert.Equal("imported 1 evaluations into p (1 added, 0 updated, 0 unchanged, 1 skipped)", run.Run.Out.Trim());
        Assert.Equal(1, run.Stored);
    }

    [Fact]
    public async Task ImportEvaluations_PlanWithoutScorecards_ExitsTwoAndSaysHowToAddThem()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        await QaPlans.ApplyAsync(database, folder, FeedbackBot.Testing.Plans.PlanFiles.Minimal);

        var run = await CliRun.RunAsync(database, "import", "evaluations", folder.Write("e.csv", Header + "\n"), "--plan", "p");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("Plan 'p' has no scorecards", run.Error, StringComparison.Ordinal);
    }

    private static async Task<(CliRun Run, string File, int Stored)> ImportAsync(string content, params string[] more)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        await QaPlans.ApplyAsync(database, folder);
        var file = folder.Write("evaluations.csv", content);
        var run = await CliRun.RunAsync(database, ["import", "evaluations", file, "--plan", "p", .. more]);
        await using var db = database.CreateContext();
        return (run, file, await db.Evaluations.CountAsync());
    }
}
