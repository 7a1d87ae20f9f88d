using System.Text.Json;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Reviews.Building;
using FeedbackBot.Core.Scorecards;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Core.Tests.Scorecards;
using FsCheck;
using FsCheck.Fluent;
using static FeedbackBot.Core.Tests.Reviews.ReviewFixtures;

namespace FeedbackBot.Core.Tests.Reviews.Building;

/// <summary>
/// The review's quality monitoring on a set worked out by hand: ten evaluations on one phone scorecard (pass mark 80,
/// every weight 1) of interactions in the cycle, beside 20 customers' answers.
/// </summary>
/// <remarks>
/// Answers (acknowledge, solve, callback, recap) and scores: 1 yes,5,yes,na 100; 2 yes,5,yes,yes 100; 3 yes,4,no,na 58.33;
/// 4 and 5 yes,4,no,no 43.75; 6 yes,3,no,no 37.5; 7 no,2,na,na 0 (acknowledge is critical); 8 yes,5,na,na 100;
/// 9 and 10 yes,4,na,na 87.5. Average 658.33 / 10 = 65.8; 1, 2, 8, 9 and 10 pass: 50.0%; one critical fail: 10.0%.
/// Resolution's criteria: acknowledge 9 of 10, solve (4 or 5) 8 of 10, recap 1 of 4: 18 of 24 = 75.0%, Wilson
/// [55.1, 88.0]; customers rating it 4 or 5: 8 of 20 = 40.0%, a gap of −35.0 points, more than 20: a gap.
/// Responsiveness: callback 2 of 6 = 33.3%, Wilson [9.7, 70.0]; customers 10 of 20 = 50.0%, +16.7 points: no gap.
/// Most failed: callback (33.3% below the pass mark of 80, 6 applicable); recap fails more (25%) but applied only 4
/// times, fewer than 5; solve passes exactly at the pass mark, which is not below it. Coaching on callback scores
/// (80 − 33.3) × (1 + 4/6) = 77.8.
/// </remarks>
public sealed class QualityMonitoringTests
{
    private const string AgentName = "Zebedee Quartermaine";
    private const string EvaluatorName = "Ottoline Vexby";

    private static readonly Scorecard Phone = new("phone-call", "Phone call", [InteractionChannel.Phone], 80,
    [
        new Criterion("acknowledge", "Acknowledged the customer's issue", "resolution", null, CriterionScale.YesNo, 1, Critical: true, AllowNa: false),
        new Criterion("solve", "Solved the issue or gave a next step", "resolution", "csat", CriterionScale.Rating5, 1, Critical: false, AllowNa: false),
        new Criterion("callback", "Called back when promised", "responsiveness", null, CriterionScale.YesNo, 1, Critical: false, AllowNa: true),
        new Criterion("recap", "Summarised the agreed next steps", "resolution", null, CriterionScale.YesNo, 1, Critical: false, AllowNa: true),
    ]);

    private static readonly string[][] Answers =
    [
        ["yes", "5", "yes", "na"],
        ["yes", "5", "yes", "yes"],
        ["yes", "4", "no", "na"],
        ["yes", "4", "no", "no"],
        ["yes", "4", "no", "no"],
        ["yes", "3", "no", "no"],
        ["no", "2", "na", "na"],
        ["yes", "5", "na", "na"],
        ["yes", "4", "na", "na"],
        ["yes", "4", "na", "na"],
    ];

    private static readonly string[] OneSegment = ["all"];

    private static List<QaEvaluation> Evaluations() =>
        [.. Answers.Select((answers, i) => ScorecardFixtures.Evaluation(
            $"E-{i + 1}", $"CALL-{i + 1}", AgentName, EvaluatorName, InteractionChannel.Phone, Start.AddHours(i + 1), Phone, answers))];

    // sat (resolution): 8 of 20 give 4–5; speed (responsiveness): 10 of 20.
    private static ReviewInput QaInput(IReadOnlyList<QaEvaluation>? evaluations = null, IReadOnlyList<Scorecard>? scorecards = null)
    {
        var plan = Plan() with { Scorecards = scorecards ?? [Phone] };
        var responses = Responses(
            Current,
            "now",
            OneSegment,
            ("sat", Repeat(("5", 4), ("4", 4), ("3", 6), ("2", 6))),
            ("speed", Repeat(("5", 5), ("4", 5), ("3", 10))));
        return Input(plan, Tally(plan, Current, responses)) with { Evaluations = evaluations ?? Evaluations() };
    }

    [Fact]
    public void Build_HandWorkedEvaluations_TotalsAreTheHandWorkedFigures()
    {
        var quality = ReviewBuilder.Build(QaInput()).QualityMonitoring!;

        Assert.Equal((10, 65.8, 50.0, 10.0), (quality.Evaluations, quality.AverageScore, quality.PassRate, quality.CriticalFailRate));
    }

    [Fact]
    public void Build_HandWorkedEvaluations_EachFeatureHasItsPassRateBesideTheCustomersScore()
    {
        var quality = ReviewBuilder.Build(QaInput()).QualityMonitoring!;

        Assert.Equal(
            [
                new QaFeatureSnapshot("resolution", 75.0, 24, [55.1, 88.0], 40.0, 20, -35.0),
                new QaFeatureSnapshot("responsiveness", 33.3, 6, [9.7, 70.0], 50.0, 20, 16.7),
            ],
            quality.Features.Select(QaFeatureSnapshot.Of));
    }

    [Fact]
    public void Build_GapOfMoreThanTwentyPoints_IsAQaVersusCustomerGap()
    {
        var review = ReviewBuilder.Build(QaInput());

        var gap = Assert.Single(review.Gaps, g => g.Kind == "qa_vs_customer");
        Assert.Equal("resolution", gap.Feature);
        Assert.Equal(-35.0, gap.Difference);
        Assert.Null(gap.PValue);
        Assert.Equal("Evaluators see resolution better than customers feel it: 75.0% of QA checks of it passed against 40.0% of customers giving 4 or 5.", gap.Title);
        Assert.Equal(("customer_rating:resolution", 40.0, 20L), (gap.First.Metric, gap.First.Value, gap.First.N));
        Assert.Equal(("qa_pass_rate:resolution", 75.0, 24L), (gap.Second.Metric, gap.Second.Value, gap.Second.N));
    }

    [Fact]
    public void Build_HandWorkedEvaluations_OnlyTheCriterionBelowThePassMarkWithFiveAnswersIsAShortfall()
    {
        var review = ReviewBuilder.Build(QaInput());

        var failed = Assert.Single(review.QualityMonitoring!.FailedCriteria);
        Assert.Equal(new QaFailedCriterion("phone-call", "callback", "Called back when promised", "responsiveness", 6, 2, 33.3), failed);
        var shortfall = Assert.Single(review.Shortfalls, s => s.Kind == "qa_criterion");
        Assert.Equal(
            "\"Called back when promised\" passed in 2 of 6 evaluated interactions where it applied (33.3%), below the Phone call scorecard's pass mark of 80%, over 10 evaluations.",
            shortfall.Title);
        Assert.Equal("responsiveness", shortfall.Feature);
        Assert.Equal(
            ("qa_criterion:phone-call/callback", 33.3, 80.0, 6L, "Called back when promised"),
            (shortfall.Evidence.Metric, shortfall.Evidence.Value, shortfall.Evidence.Target, shortfall.Evidence.N, shortfall.Evidence.Label));
        Assert.Equal([9.7, 70.0], shortfall.Evidence.Ci95);
    }

    [Fact]
    public void Build_MostFailedCriterion_GetsATeamLevelCoachingRecommendation()
    {
        var review = ReviewBuilder.Build(QaInput());

        var coaching = Assert.Single(review.Recommendations, r => r.Title.StartsWith("Coach on", StringComparison.Ordinal));
        Assert.Equal("Coach on \"Called back when promised\": passed in 2 of 6 evaluated interactions", coaching.Title);
        Assert.Equal((77.8, "high", "responsiveness", "team leader"), (coaching.Score, coaching.Priority, coaching.Feature, coaching.OwnerRole));
        Assert.Equal("\"Called back when promised\" passed in at least 80% of evaluated interactions, the scorecard's pass mark", coaching.SuccessCriterion);
        Assert.Equal(new DateOnly(2026, 11, 17), coaching.ReviewBy);
        Assert.Equal("qa_criterion:phone-call/callback", coaching.Evidence.Metric);
    }

    [Fact]
    public void Build_SeveralCriteriaBelowThePassMark_ListsAtMostThreeLeastPassedFirst()
    {
        // Every criterion answered "no" or 1 where it can be, in ten evaluations, except acknowledge (critical) always yes.
        var failing = Enumerable.Range(1, 10)
            .Select(i => ScorecardFixtures.Evaluation($"F-{i}", $"CALL-F{i}", AgentName, EvaluatorName, InteractionChannel.Phone, Start.AddHours(i), Phone,
                "yes", i <= 3 ? "4" : "1", i <= 5 ? "yes" : "no", "no"))
            .ToList();

        var review = ReviewBuilder.Build(QaInput(failing));

        // recap 0%, solve 30%, callback 50%, acknowledge 100%.
        Assert.Equal(["recap", "solve", "callback"], review.QualityMonitoring!.FailedCriteria.Select(c => c.Id));
        Assert.Equal(3, review.Shortfalls.Count(s => s.Kind == "qa_criterion"));
        Assert.Equal(3, review.Recommendations.Count(r => r.Title.StartsWith("Coach on", StringComparison.Ordinal)));
    }

    [Fact]
    public void Build_PlanWithoutScorecards_HasNoQualityMonitoringAndNoKeyInTheJson()
    {
        var plan = Plan();
        var review = ReviewBuilder.Build(Input(plan, Tally(plan, Current, [])) with { Evaluations = Evaluations() });

        Assert.Null(review.QualityMonitoring);
        using var json = JsonDocument.Parse(ReviewJson.Serialize(review, indented: false));
        Assert.False(json.RootElement.TryGetProperty("quality_monitoring", out _));
    }

    [Fact]
    public void Build_NoEvaluationsInTheCycle_HasNoQualityMonitoring()
    {
        var review = ReviewBuilder.Build(QaInput(evaluations: []));

        Assert.Null(review.QualityMonitoring);
        Assert.DoesNotContain(review.Shortfalls, s => s.Kind == "qa_criterion");
    }

    [Fact]
    public void Serialize_QualityMonitoring_WritesTheContractKeysAndReadsBack()
    {
        var review = ReviewBuilder.Build(QaInput());

        var text = ReviewJson.Serialize(review, indented: false);

        using var json = JsonDocument.Parse(text);
        var quality = json.RootElement.GetProperty("quality_monitoring");
        Assert.Equal(
            ["evaluations", "average_score", "pass_rate", "critical_fail_rate", "features", "failed_criteria"],
            quality.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["feature", "qa_pass_rate", "qa_n", "qa_ci95", "customer_score", "customer_n", "gap"],
            quality.GetProperty("features")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["scorecard", "id", "text", "feature", "applicable", "passed", "pass_rate"],
            quality.GetProperty("failed_criteria")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(text, ReviewJson.Serialize(ReviewJson.Deserialize(text), indented: false));
    }

    [Fact]
    public void Serialize_ReviewWithEvaluations_NamesNoAgentOrEvaluator()
    {
        var text = ReviewJson.Serialize(ReviewBuilder.Build(QaInput()), indented: true);

        Assert.DoesNotContain("Zebedee", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Quartermaine", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Ottoline", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Vexby", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"agent\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"evaluator\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AnyEvaluations_FiguresStayInRangeAndNoNameAppears()
    {
        var evaluations =
            from count in Gen.Choose(1, 30)
            from answers in (
                from acknowledge in Gen.Elements("yes", "no")
                from solve in Gen.Elements("1", "2", "3", "4", "5")
                from callback in Gen.Elements("yes", "no", "na")
                from recap in Gen.Elements("yes", "no", "na")
                select new[] { acknowledge, solve, callback, recap }).ArrayOf(count)
            select answers;

        Prop.ForAll(evaluations.ToArbitrary(), answers =>
        {
            var list = answers.Select((a, i) => ScorecardFixtures.Evaluation(
                $"E-{i}", $"CALL-{i}", AgentName, EvaluatorName, InteractionChannel.Phone, Start.AddHours(i), Phone, a)).ToList();
            var review = ReviewBuilder.Build(QaInput(list));
            var quality = review.QualityMonitoring!;
            var text = ReviewJson.Serialize(review, indented: false);
            return quality.Evaluations == answers.Length
                && quality.Features.All(f => f.QaPassRate is null || (f.QaCi95![0] <= f.QaPassRate && f.QaPassRate <= f.QaCi95[1]))
                && quality.FailedCriteria.Count <= 3
                && quality.FailedCriteria.All(c => c.Applicable >= 5 && c.PassRate < Phone.PassMark)
                && quality.FailedCriteria.Select(c => c.PassRate).SequenceEqual(quality.FailedCriteria.Select(c => c.PassRate).Order())
                && review.Recommendations.Count(r => r.Title.StartsWith("Coach on", StringComparison.Ordinal)) == quality.FailedCriteria.Count
                && !text.Contains(AgentName, StringComparison.Ordinal)
                && !text.Contains(EvaluatorName, StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();
    }

    private sealed record QaFeatureSnapshot(string Feature, double? QaPassRate, int QaN, double[]? QaCi95, double? CustomerScore, long? CustomerN, double? Gap)
    {
        public static QaFeatureSnapshot Of(QaFeatureResult f) => new(f.Feature, f.QaPassRate, f.QaN, f.QaCi95?.ToArray(), f.CustomerScore, f.CustomerN, f.Gap);

        public bool Equals(QaFeatureSnapshot? other) =>
            other is not null && (Feature, QaPassRate, QaN, CustomerScore, CustomerN, Gap) == (other.Feature, other.QaPassRate, other.QaN, other.CustomerScore, other.CustomerN, other.Gap)
            && (QaCi95 ?? []).SequenceEqual(other.QaCi95 ?? []);

        public override int GetHashCode() => HashCode.Combine(Feature, QaPassRate, QaN);
    }
}
