using System.Text.Json;
using FeedbackBot.Data;
using FeedbackBot.Testing;
using FeedbackBot.Testing.Plans;
using FeedbackBot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Reviews;

/// <summary>
/// The cycle review of a plan with a scorecard, built from responses and evaluations imported as an operator would.
/// </summary>
/// <remarks>
/// Cycle 2026-10-12..2026-10-18. Customers (10): care 8 of 10 give 4–5 (80.0%), speed 2 of 10 (20.0%). Evaluations
/// in the cycle: E1–E4 and E6 by their interaction's date (E4 evaluated after the cycle), E5 by its evaluation's date
/// (no interaction date); E7 is out, its interaction before the cycle though it was evaluated during it. Their
/// (greeting, pace) and scores: yes,5 100; yes,4 87.5; yes,3 75; yes,2 62.5; yes,5 100; na,2 25: average 75.0, three of
/// six at or above 80 (50.0%). Care's greeting 5 of 5 (100.0%) is 20.0 points from customers: not more than 20, no gap.
/// Speed's pace 3 of 6 (50.0%) is 30.0 points above customers' 20.0%: a gap, and below the pass mark: a shortfall.
/// </remarks>
public sealed class QualityMonitoringReviewTests
{
    private const string Plan = PlanFiles.Header + "\n" + """
        questions:
          - id: care_rating
            text: How well were you looked after?
            type: rating5
            feature: care
          - id: speed_rating
            text: How quickly was it handled?
            type: rating5
            feature: speed
        scorecards:
          - id: phone-call
            name: Phone call
            channels: [phone]
            pass_mark: 80
            criteria:
              - id: greeting
                text: Greeted the customer and gave their own name
                feature: care
                scale: yesno
                allow_na: true
              - id: pace
                text: Kept the call moving
                feature: speed
                scale: rating5
        """;

    private const string Responses = """
        respondent_id,submitted_at,audience,segment,care_rating,speed_rating
        C-01,2026-10-12T09:00:00Z,customer,,5,2
        C-02,2026-10-12T10:00:00Z,customer,,5,2
        C-03,2026-10-13T09:00:00Z,customer,,5,2
        C-04,2026-10-13T10:00:00Z,customer,,4,2
        C-05,2026-10-14T09:00:00Z,customer,,4,3
        C-06,2026-10-14T10:00:00Z,customer,,4,3
        C-07,2026-10-15T09:00:00Z,customer,,4,3
        C-08,2026-10-15T10:00:00Z,customer,,4,4
        C-09,2026-10-16T09:00:00Z,customer,,2,5
        C-10,2026-10-16T10:00:00Z,customer,,1,1
        """;

    private const string AgentFirst = "Zebedee";
    private const string AgentLast = "Quartermaine";
    private const string EvaluatorFirst = "Ottoline";
    private const string EvaluatorLast = "Vexby";

    // Names in every column a person could be named in, the free text included.
    private const string EvaluationsFile = """
        evaluation_id,interaction_id,agent,evaluator,scorecard,channel,evaluated_at,interaction_at,greeting,pace,went_well,to_improve
        E1,CALL-1,Zebedee Quartermaine,Ottoline Vexby,phone-call,phone,2026-10-13T09:00:00Z,2026-10-12T10:00:00Z,yes,5,Zebedee was warm,Nothing for Zebedee Quartermaine
        E2,CALL-2,Zebedee Quartermaine,Ottoline Vexby,phone-call,phone,2026-10-14T09:00:00Z,2026-10-13T10:00:00Z,yes,4,Calm,Ottoline Vexby suggests a summary
        E3,CALL-3,Zebedee Quartermaine,Ottoline Vexby,phone-call,phone,2026-10-15T09:00:00Z,2026-10-14T10:00:00Z,yes,3,Polite,Pace
        E4,CALL-4,Zebedee Quartermaine,Ottoline Vexby,phone-call,phone,2026-10-20T09:00:00Z,2026-10-15T10:00:00Z,yes,2,Polite,Pace
        E5,CALL-5,Zebedee Quartermaine,Ottoline Vexby,phone-call,phone,2026-10-16T09:00:00Z,,yes,5,Quick,Nothing
        E6,CALL-6,Zebedee Quartermaine,Ottoline Vexby,phone-call,phone,2026-10-17T09:00:00Z,2026-10-16T10:00:00Z,na,2,Patient,Pace
        E7,CALL-7,Zebedee Quartermaine,Ottoline Vexby,phone-call,phone,2026-10-13T09:00:00Z,2026-10-05T10:00:00Z,no,1,Patient,Everything
        """;

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Review_PlanWithScorecardAndEvaluations_StoresTheQualityMonitoringSection(DatabaseProvider provider)
    {
        await using var database = await ImportedAsync(provider);

        var run = await CliRun.RunAsync(database, "review", "--plan", "p", "--cycle", "2026-10-12..2026-10-18", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        await using var db = database.CreateContext();
        using var stored = JsonDocument.Parse(await db.Reviews.Select(r => r.Document).SingleAsync());
        var root = stored.RootElement;
        var quality = root.GetProperty("quality_monitoring");
        Assert.Equal(6, quality.GetProperty("evaluations").GetInt32());
        Assert.Equal(
            (75.0, 50.0, 0.0),
            (quality.GetProperty("average_score").GetDouble(), quality.GetProperty("pass_rate").GetDouble(), quality.GetProperty("critical_fail_rate").GetDouble()));
        Assert.Equal(
            ["speed 50 6 20 10 -30", "care 100 5 80 10 -20"],
            quality.GetProperty("features").EnumerateArray().Select(f => string.Join(' ',
                f.GetProperty("feature").GetString(),
                f.GetProperty("qa_pass_rate").GetDouble(),
                f.GetProperty("qa_n").GetInt32(),
                f.GetProperty("customer_score").GetDouble(),
                f.GetProperty("customer_n").GetInt64(),
                f.GetProperty("gap").GetDouble())));
        var failed = Assert.Single(quality.GetProperty("failed_criteria").EnumerateArray().ToList());
        Assert.Equal(
            ("pace", "Kept the call moving", "speed", 6, 3, 50.0),
            (failed.GetProperty("id").GetString(), failed.GetProperty("text").GetString(), failed.GetProperty("feature").GetString(),
                failed.GetProperty("applicable").GetInt32(), failed.GetProperty("passed").GetInt32(), failed.GetProperty("pass_rate").GetDouble()));
        var gap = Assert.Single(root.GetProperty("gaps").EnumerateArray().Where(g => g.GetProperty("kind").GetString() == "qa_vs_customer").ToList());
        Assert.Equal(("speed", -30.0), (gap.GetProperty("feature").GetString(), gap.GetProperty("difference").GetDouble()));
        Assert.Contains(root.GetProperty("shortfalls").EnumerateArray(), s => s.GetProperty("kind").GetString() == "qa_criterion"
            && s.GetProperty("evidence").GetProperty("metric").GetString() == "qa_criterion:phone-call/pace");
        Assert.Contains(root.GetProperty("recommendations").EnumerateArray(),
            r => r.GetProperty("title").GetString() == "Coach on \"Kept the call moving\": passed in 3 of 6 evaluated interactions");
    }

    [Fact]
    public async Task Review_EvaluationsOfNamedPeople_NamesNoAgentOrEvaluatorInJsonMarkdownOrHtml()
    {
        await using var database = await ImportedAsync(DatabaseProvider.Sqlite);

        foreach (var format in new[] { "json", "md", "html" })
        {
            var run = await CliRun.RunAsync(database, "review", "--plan", "p", "--cycle", "2026-10-12..2026-10-18", "--format", format);

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains("Kept the call moving", run.Out, StringComparison.Ordinal);
            foreach (var name in new[] { AgentFirst, AgentLast, EvaluatorFirst, EvaluatorLast })
            {
                Assert.DoesNotContain(name, run.Out, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Review_Markdown_HasAQualityMonitoringSectionWithTheTeamFigures()
    {
        await using var database = await ImportedAsync(DatabaseProvider.Sqlite);

        var run = await CliRun.RunAsync(database, "review", "--plan", "p", "--cycle", "2026-10-12..2026-10-18", "--format", "md");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("## Quality monitoring", run.Out, StringComparison.Ordinal);
        Assert.Contains("6 evaluations; average score 75.0 of 100; 50.0% passed; 0.0% failed on a critical criterion.", run.Out, StringComparison.Ordinal);
        Assert.Contains("| Speed | 50.0% |", run.Out, StringComparison.Ordinal);
        Assert.Contains("| Kept the call moving | speed | 3 | 6 | 50.0% |", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_PlanWithScorecardButNoEvaluationsInTheCycle_HasNoQualityMonitoringSection()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var folder = new TempFolder();
        await ApplyAndImportResponsesAsync(database, folder);

        var json = await CliRun.RunAsync(database, "review", "--plan", "p", "--cycle", "2026-10-12..2026-10-18", "--format", "json");
        var html = await CliRun.RunAsync(database, "review", "--plan", "p", "--cycle", "2026-10-12..2026-10-18", "--format", "html");

        Assert.True(json.ExitCode == 0, json.Error);
        using var review = JsonDocument.Parse(json.Out);
        Assert.False(review.RootElement.TryGetProperty("quality_monitoring", out _));
        Assert.DoesNotContain("Quality monitoring", html.Out, StringComparison.Ordinal);
    }

    private static async Task<TestDatabase> ImportedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        using var folder = new TempFolder();
        await ApplyAndImportResponsesAsync(database, folder);
        var evaluations = await CliRun.RunAsync(database, "import", "evaluations", folder.Write("evaluations.csv", EvaluationsFile), "--plan", "p");
        Assert.True(evaluations.ExitCode == 0, evaluations.Error);
        return database;
    }

    private static async Task ApplyAndImportResponsesAsync(TestDatabase database, TempFolder folder)
    {
        var applied = await CliRun.RunAsync(database, "plans", "apply", folder.Write("plan.yaml", Plan));
        Assert.True(applied.ExitCode == 0, applied.Error);
        var responses = await CliRun.RunAsync(database, "import", "responses", folder.Write("responses.csv", Responses), "--plan", "p", "--cycle", "2026-10-12..2026-10-18");
        Assert.True(responses.ExitCode == 0, responses.Error);
    }
}
