using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Reviews.Building;
using static FeedbackBot.Core.Tests.Reviews.ReviewFixtures;

namespace FeedbackBot.Core.Tests.Reviews.Building;

/// <summary>Strengths beyond the KPIs: top-box shares, overwhelmingly positive themes, logged praise, one per question.</summary>
public sealed class StrengthRulesTests
{
    private static readonly string[] North = ["north"];

    // One rating question no KPI is computed from, and a text question.
    private static MeasurementPlan OneQuestion(int? threshold = null) => Plan() with
    {
        Questions = [new Question("kind", "Were we kind?", QuestionType.Rating5, "empathy", false, Audience.Customer, [])],
        Kpis = [],
        StrengthThreshold = threshold,
    };

    private static ReviewInput Input(MeasurementPlan plan, string[] kind, IReadOnlyList<LoggedFeedback>? logged = null) =>
        ReviewFixtures.Input(plan, Tally(plan, Current, Responses(Current, "now", North, ("kind", kind)))) with { Logged = logged };

    private static IReadOnlyList<Finding> Strengths(ReviewInput input, ThemeReport? themes = null) =>
        StrengthRules.Strengths(input, [], [], themes ?? ThemeReport.Empty);

    private static ThemeItem Theme(string id, int count, int positive) => new(
        id, id, "empathy", count, 10.0, count - positive, 0, positive, null, null, new Dictionary<string, int>(), ["Lovely."], false);

    [Fact]
    public void Strengths_TopBoxAtTheDefaultThreshold_IsAStrengthWithItsWilsonInterval()
    {
        // 8 of 10 answers are 4 or 5: 80.0%, at the default threshold of 80. Wilson with z = 1.96: centre
        // (0.8 + 0.19208)/1.38415 = 0.71678, half-width 1.96·√(0.016 + 0.0096)/1.38415 = 0.22662: 49.0% to 94.3%.
        var strength = Assert.Single(Strengths(Input(OneQuestion(), Repeat(("5", 4), ("4", 4), ("2", 2)))));

        Assert.Equal("top_box", strength.Kind);
        Assert.Equal(("top_box:kind", 80.0, 80.0, 10L, "kind"), (strength.Evidence.Metric, strength.Evidence.Value, strength.Evidence.Target, strength.Evidence.N, strength.Evidence.Question));
        Assert.Equal([49.0, 94.3], strength.Evidence.Ci95);
        Assert.Contains("80.0% of answers to “Were we kind?” are 4 or 5", strength.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Strengths_TopBoxBelowThePlansThreshold_IsNoStrength()
    {
        // The same 80.0% against strength_threshold: 81.
        Assert.Empty(Strengths(Input(OneQuestion(threshold: 81), Repeat(("5", 4), ("4", 4), ("2", 2)))));
    }

    [Fact]
    public void Strengths_TopBoxJustBelowTheDefault_IsNoStrength()
    {
        // 7 of 9 = 77.8% is below 80.
        Assert.Empty(Strengths(Input(OneQuestion(), Repeat(("5", 4), ("4", 3), ("2", 2)))));
    }

    [Fact]
    public void Strengths_ThemeNineOfTenPositive_IsAStrengthWhateverItsShare()
    {
        // 9 of 10 = 90% ≥ 80%, and Wilson's lower bound (0.9 + 0.19208)/1.38415 − 1.96·√(0.009 + 0.0096)/1.38415
        // = 0.78901 − 0.19316 = 0.596 > 0.5. The theme's share of all comments (10%) is below the 20% that makes a
        // prominent theme.
        var themes = new ThemeReport(100, 0, [Theme("attitude", 10, 9)]);

        var strength = Assert.Single(Strengths(Input(OneQuestion(), Repeat(("3", 5))), themes));

        Assert.Equal(("theme", "theme:attitude"), (strength.Kind, strength.Evidence.Metric));
        Assert.Contains("9 of the 10 comments about it are positive (90.0%; 95% interval 59.6% to 98.2%)", strength.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Strengths_ThemeEightOfTenPositive_IsNoStrengthBecauseItsLowerBoundIsBelowAHalf()
    {
        // 8 of 10 = 80% reaches the share, but Wilson's lower bound is 0.490 (worked above): the lean may be chance.
        var themes = new ThemeReport(100, 0, [Theme("attitude", 10, 8)]);

        Assert.Empty(Strengths(Input(OneQuestion(), Repeat(("3", 5))), themes));
    }

    [Fact]
    public void Strengths_ThemeWithFewerThanTenComments_IsNoStrength()
    {
        var themes = new ThemeReport(100, 0, [Theme("attitude", 9, 9)]);

        Assert.Empty(Strengths(Input(OneQuestion(), Repeat(("3", 5))), themes));
    }

    [Fact]
    public void Strengths_ThreePiecesOfPraiseAgainstOneComplaint_IsAPraiseStrengthQuotingThem()
    {
        LoggedFeedback[] logged =
        [
            new("empathy", true, "So patient with me, call me on 07700 900123 any time."),
            new("empathy", true, "Lovely to deal with."),
            new("empathy", false, "Rude on the phone."),
            new("empathy", true, "Really listened."),
        ];

        var strength = Assert.Single(Strengths(Input(OneQuestion(), Repeat(("3", 5)), logged)));

        Assert.Equal(("praise", "empathy", "praise:empathy", 75.0, 4L), (strength.Kind, strength.Feature, strength.Evidence.Metric, strength.Evidence.Value, strength.Evidence.N));
        Assert.Equal(3, strength.Evidence.Quotes.Count);
        Assert.DoesNotContain(strength.Evidence.Quotes, q => q.Contains("07700", StringComparison.Ordinal));
        Assert.DoesNotContain(strength.Evidence.Quotes, q => q.Contains("Rude", StringComparison.Ordinal));
    }

    [Fact]
    public void Strengths_TwoPiecesOfPraise_IsNoStrength()
    {
        LoggedFeedback[] logged = [new("empathy", true, "Kind."), new("empathy", true, "Patient.")];

        Assert.Empty(Strengths(Input(OneQuestion(), Repeat(("3", 5)), logged)));
    }

    [Fact]
    public void Strengths_QuestionImprovedAndInItsTopBox_IsOneStrengthTheImprovement()
    {
        // Now 5,5,5,4,4 (100% top box), before 3,3,3,4,4: significantly better (p = 0.0085, worked in
        // QuestionChangesTests) and at the threshold; one strength about the question, the better-evidenced one.
        var plan = OneQuestion();
        var input = ReviewFixtures.Input(
            plan,
            Tally(plan, Current, Responses(Current, "now", North, ("kind", Repeat(("5", 3), ("4", 2))))),
            Tally(plan, Before, Responses(Before, "before", North, ("kind", Repeat(("3", 3), ("4", 2))))));

        var review = ReviewBuilder.Build(input);

        Assert.Equal(["improved"], review.Strengths.Select(s => s.Kind));
    }

    [Fact]
    public void Strengths_MoreThanTheCap_KeepsTheBestEvidencedFirst()
    {
        // Twelve themes each 10 of 10 positive, and one 12 of 12 with the highest lower bound: eight are listed,
        // the 12-comment theme first.
        var themes = new ThemeReport(200, 0, [.. Enumerable.Range(0, 12).Select(i => Theme($"t{i:D2}", 10, 10)), Theme("most", 12, 12)]);

        var strengths = Strengths(Input(OneQuestion(), Repeat(("3", 5))), themes);

        Assert.Equal(ReviewRules.Default.MaxStrengths, strengths.Count);
        Assert.Equal("theme:most", strengths[0].Evidence.Metric);
    }
}
