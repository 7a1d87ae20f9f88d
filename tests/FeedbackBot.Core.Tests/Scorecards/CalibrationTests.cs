using FeedbackBot.Core.Analysis.Statistics;
using FeedbackBot.Core.Scorecards;
using FeedbackBot.Core.Serialization;
using static FeedbackBot.Core.Tests.Scorecards.ScorecardFixtures;

namespace FeedbackBot.Core.Tests.Scorecards;

/// <summary>
/// A calibration set worked out by hand. Scorecard: greeting (yesno) and tone (rating5, n/a allowed), weight 1 each,
/// so a score is 100·(greeting + (tone − 1)/4)/2, or 100·greeting when tone is n/a.
/// <code>
///            A             B             C
///   i1   yes 5 = 100   yes 4 = 87.5  yes 5 = 100
///   i2   no 3  = 25    no 2  = 12.5  yes 3 = 75
///   i3   yes na = 100  yes 4 = 87.5  -
///   i4   yes 5 = 100   -             -           (one evaluator: left out)
/// </code>
/// </summary>
public class CalibrationTests
{
    private static readonly Scorecard Card = new("cal", "Calibration", [InteractionChannel.Phone], 80,
    [
        new Criterion("greeting", "Greeted the customer", "care", null, CriterionScale.YesNo, 1, false, true),
        new Criterion("tone", "Kept a friendly tone", "care", null, CriterionScale.Rating5, 1, false, true),
    ]);

    private static readonly DateTime Day = new(2025, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static readonly QaEvaluation[] Set =
    [
        Evaluation("e1", "i1", "sam", "A", InteractionChannel.Phone, Day, Card, "yes", "5"),
        Evaluation("e2", "i1", "sam", "B", InteractionChannel.Phone, Day, Card, "yes", "4"),
        Evaluation("e3", "i1", "sam", "C", InteractionChannel.Phone, Day, Card, "yes", "5"),
        Evaluation("e4", "i2", "ana", "A", InteractionChannel.Phone, Day, Card, "no", "3"),
        Evaluation("e5", "i2", "ana", "B", InteractionChannel.Phone, Day, Card, "no", "2"),
        Evaluation("e6", "i2", "ana", "C", InteractionChannel.Phone, Day, Card, "yes", "3"),
        Evaluation("e7", "i3", "sam", "A", InteractionChannel.Phone, Day, Card, "yes", "na"),
        Evaluation("e8", "i3", "sam", "B", InteractionChannel.Phone, Day, Card, "yes", "4"),
        Evaluation("e9", "i4", "ana", "A", InteractionChannel.Phone, Day, Card, "yes", "5"),
    ];

    [Fact]
    public void Compute_HandWorkedSet_ScoreAlphaOfTheSharedInteractions()
    {
        // Scores divided by 12.5 (alpha does not change with the unit): {8, 7, 8}, {2, 1, 6}, {8, 7}.
        // o_88 = 1, o_87 = o_78 = 1 + 1 = 2 (i1 weighs 1/2, i3 weighs 1); i2 gives 1/2 to each of its six ordered pairs.
        // n_1 = n_2 = n_6 = 1, n_7 = 2, n_8 = 3, n = 8. Σ o·δ² = 2·2·1 + (1 + 1 + 16 + 16 + 25 + 25)/2 = 46.
        // Σ n_c·n_k·δ² = 2n·Σ n_c(c − c̄)² = 16·(331 − 8·5.875²) = 878. α = 1 − 7·46/878 = 278/439 = 0.633.
        var report = Calibration.Compute(Card, Set);

        Assert.Equal(278.0 / 439, report.ScoreAlpha!.Value, 12);
        Assert.Equal(3, report.Interactions);
        Assert.False(report.Reliable);
    }

    [Fact]
    public void Compute_HandWorkedSet_CriterionAlphasWithNotApplicableMissing()
    {
        // greeting, nominal: {1, 1, 1}, {0, 0, 1}, {1, 1}: o_11 = 3 + 0 + 2 = 5, o_00 = 1, o_01 = o_10 = 1; n_0 = 2,
        // n_1 = 6, n = 8; α = 1 − 7·2/(2·2·6) = 5/12.
        // tone, ordinal: {5, 4, 5}, {3, 2, 3} (i3 has one rating and is left out): n_2 = 1, n_3 = 2, n_4 = 1, n_5 = 2, n = 6;
        // δ²_23 = δ²_34 = δ²_45 = 1.5², δ²_24 = δ²_35 = 3², δ²_25 = 4.5²; Σ o·δ² = 4·2.25 = 9;
        // Σ n_c·n_k·δ² = 2·(2·2.25 + 1·9 + 2·20.25 + 2·2.25 + 4·9 + 2·2.25) = 198; α = 1 − 5·9/198 = 17/22.
        var report = Calibration.Compute(Card, Set);

        Assert.Equal(["greeting", "tone"], report.Criteria.Select(c => c.Id));
        Assert.Equal((AlphaMetric.Nominal, 3, false), (report.Criteria[0].Metric, report.Criteria[0].Interactions, report.Criteria[0].Reliable));
        Assert.Equal(5.0 / 12, report.Criteria[0].Alpha!.Value, 12);
        Assert.Equal((AlphaMetric.Ordinal, 2, true), (report.Criteria[1].Metric, report.Criteria[1].Interactions, report.Criteria[1].Reliable));
        Assert.Equal(17.0 / 22, report.Criteria[1].Alpha!.Value, 12);
    }

    [Fact]
    public void Compute_HandWorkedSet_EachEvaluatorsDeviationFromTheOthersMean()
    {
        // A: |100 − 93.75| = 6.25, |25 − 43.75| = 18.75, |100 − 87.5| = 12.5 → 37.5/3 = 12.5.
        // B: |87.5 − 100| = 12.5, |12.5 − 50| = 37.5, |87.5 − 100| = 12.5 → 62.5/3.
        // C: |100 − 93.75| = 6.25, |75 − 18.75| = 56.25 → 62.5/2 = 31.25.
        var report = Calibration.Compute(Card, Set);

        Assert.Equal(["A", "B", "C"], report.Evaluators.Select(e => e.Evaluator));
        Assert.Equal([3, 3, 2], report.Evaluators.Select(e => e.Evaluations));
        Assert.Equal(12.5, report.Evaluators[0].MeanAbsoluteDeviation!.Value, 9);
        Assert.Equal(62.5 / 3, report.Evaluators[1].MeanAbsoluteDeviation!.Value, 9);
        Assert.Equal(31.25, report.Evaluators[2].MeanAbsoluteDeviation!.Value, 9);
    }

    [Fact]
    public void Compute_EvaluatorRescoredAnInteraction_CountsTheLatest()
    {
        // B's second look at i2 agrees with A (25) instead of 12.5, so B's deviation there is |25 − 50| = 25.
        var rescored = Evaluation("e10", "i2", "ana", "B", InteractionChannel.Phone, Day.AddDays(1), Card, "no", "3");

        var report = Calibration.Compute(Card, [.. Set, rescored]);

        Assert.Equal(3, report.Interactions);
        Assert.Equal((12.5 + 25 + 12.5) / 3, report.Evaluators[1].MeanAbsoluteDeviation!.Value, 9);
    }

    [Fact]
    public void Compute_OtherScorecardsAndSingleEvaluations_AreLeftOut()
    {
        var other = Card with { Id = "other" };
        QaEvaluation[] evaluations =
        [
            Evaluation("x1", "i9", "sam", "A", InteractionChannel.Phone, Day, other, "yes", "5"),
            Evaluation("x2", "i9", "sam", "B", InteractionChannel.Phone, Day, other, "no", "1"),
            Set[^1],
        ];

        var report = Calibration.Compute(Card, evaluations);

        Assert.Equal((null, 0, false), (report.ScoreAlpha, report.Interactions, report.Reliable));
        Assert.Empty(report.Evaluators);
        Assert.All(report.Criteria, c => Assert.Equal((null, 0), (c.Alpha, c.Interactions)));
    }

    [Fact]
    public void Serialize_CalibrationReport_UsesTheIssuesKeys()
    {
        var json = QaJson.Serialize(Calibration.Compute(Card, Set));

        Assert.StartsWith("{\"scorecard\":\"cal\",\"score_alpha\":0.633", json, StringComparison.Ordinal);
        Assert.Contains("\"interactions\":3,\"reliable\":false,\"criteria\":[{\"id\":\"greeting\",\"metric\":\"nominal\",\"alpha\":0.41666", json, StringComparison.Ordinal);
        Assert.Contains("{\"id\":\"tone\",\"metric\":\"ordinal\",\"alpha\":0.7727", json, StringComparison.Ordinal);
        Assert.Contains("\"evaluators\":[{\"evaluator\":\"A\",\"evaluations\":3,\"mean_absolute_deviation\":12.5}", json, StringComparison.Ordinal);
    }
}
