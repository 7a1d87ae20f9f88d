using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Reviews.Building;
using static FeedbackBot.Core.Tests.Reviews.ReviewFixtures;

namespace FeedbackBot.Core.Tests.Reviews.Building;

/// <summary>Every scale and yes/no question compared with the previous cycle, with the tests the KPI trends use.</summary>
public sealed class QuestionChangesTests
{
    private static readonly string[] North = ["north"];

    // Two questions no KPI is computed from, so only the question changes speak for them.
    private static readonly MeasurementPlan TwoQuestions = Plan() with
    {
        Questions =
        [
            new Question("kind", "Were we kind?", QuestionType.Rating5, "empathy", false, Audience.Customer, []),
            new Question("called", "Did we call back?", QuestionType.YesNo, "reliability", false, Audience.Customer, []),
        ],
        Kpis = [],
    };

    private static Review Build(string[] kindNow, string[] calledNow, string[] kindBefore, string[] calledBefore) =>
        ReviewBuilder.Build(Input(
            TwoQuestions,
            Tally(TwoQuestions, Current, Responses(Current, "now", North, ("kind", kindNow), ("called", calledNow))),
            Tally(TwoQuestions, Before, Responses(Before, "before", North, ("kind", kindBefore), ("called", calledBefore)))));

    [Fact]
    public void Build_ScaleQuestionChanged_IsWelchTWithCohensD()
    {
        // Now 5,5,5,4,4: mean 4.6, squares of deviations 3·0.16 + 2·0.36 = 1.2, variance 0.3. Before 3,3,3,4,4: mean 3.4,
        // the same 1.2 and 0.3. t = 1.2/√(0.3/5 + 0.3/5) = 1.2/0.34641 = 3.4641; Welch's df = 1/(2·0.5²/4) = 8, so
        // p = I(8/(8 + 12); 4, ½) = 0.0085. d = 1.2/√0.3 = 2.191.
        var review = Build(Repeat(("5", 3), ("4", 2)), Repeat(("yes", 5)), Repeat(("3", 3), ("4", 2)), Repeat(("yes", 5)));

        var kind = Assert.Single(review.QuestionChanges!, c => c.Question == "kind");

        Assert.Equal(new QuestionChange("kind", 4.6, 5, 3.4, 1.2, 0.0085, 2.191), kind);
    }

    [Fact]
    public void Build_YesNoQuestionChanged_IsTwoProportionZWithCohensH()
    {
        // Now 8 yes of 10 (80%), before 4 of 10 (40%): pooled 12/20 = 0.6, SE = √(0.6·0.4·(1/10 + 1/10)) = 0.21909,
        // z = 0.4/0.21909 = 1.8257, p = 0.0679. h = 2·asin(√0.8) − 2·asin(√0.4) = 2.21430 − 1.36944 = 0.845.
        var review = Build(
            Repeat(("4", 10)), Repeat(("yes", 8), ("no", 2)), Repeat(("4", 10)), Repeat(("yes", 4), ("no", 6)));

        var called = Assert.Single(review.QuestionChanges!, c => c.Question == "called");

        Assert.Equal(new QuestionChange("called", 80.0, 10, 40.0, 40.0, 0.0679, 0.845), called);
        Assert.DoesNotContain(review.Strengths, s => s.Evidence.Question == "called" && s.Kind == "improved");
    }

    [Fact]
    public void Build_PreviousCycleBelowTheMinimumGroupSize_LeavesTheQuestionOut()
    {
        // Four answers before, one fewer than the plan's minimum group size of 5: no change is reported for it.
        var review = Build(Repeat(("4", 5)), Repeat(("yes", 5)), Repeat(("4", 4)), Repeat(("yes", 5)));

        Assert.Equal(["called"], review.QuestionChanges!.Select(c => c.Question));
    }

    [Fact]
    public void Build_NoPreviousCycle_HasNoQuestionChanges()
    {
        var review = ReviewBuilder.Build(Input(
            TwoQuestions, Tally(TwoQuestions, Current, Responses(Current, "now", North, ("kind", Repeat(("4", 5)))))));

        Assert.Empty(review.QuestionChanges!);
    }

    [Fact]
    public void Build_ScaleQuestionSignificantlyBetter_IsAnImprovedStrengthCitingTheQuestion()
    {
        // The 4.6 against 3.4 above, p = 0.0085 < 0.05.
        var review = Build(Repeat(("5", 3), ("4", 2)), Repeat(("yes", 5)), Repeat(("3", 3), ("4", 2)), Repeat(("yes", 5)));

        var strength = Assert.Single(review.Strengths, s => s.Evidence.Question == "kind");

        Assert.Equal("improved", strength.Kind);
        Assert.Equal("empathy", strength.Feature);
        Assert.Equal(("mean:kind", 4.6, 3.4, 1.2, 0.0085), (strength.Evidence.Metric, strength.Evidence.Value, strength.Evidence.Previous, strength.Evidence.Change, strength.Evidence.PValue));
        Assert.Contains("from 3.40 to 4.60", strength.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EffortLower_IsAnImprovementAndHigherIsNot()
    {
        // Effort: lower is better. 1,1,1,2,2 (mean 1.4) against 3,3,3,4,4 (mean 3.4), each with variance 0.3:
        // t = −2/0.34641 = −5.774 on 8 df, p < 0.001.
        var plan = Plan() with
        {
            Questions = [new Question("ease", "How easy?", QuestionType.Effort7, "resolution", false, Audience.Customer, [])],
            Kpis = [],
        };
        Review Review(string[] now, string[] before) => ReviewBuilder.Build(Input(
            plan, Tally(plan, Current, Responses(Current, "now", North, ("ease", now))), Tally(plan, Before, Responses(Before, "before", North, ("ease", before)))));

        var easier = Review(Repeat(("1", 3), ("2", 2)), Repeat(("3", 3), ("4", 2)));
        var harder = Review(Repeat(("3", 3), ("4", 2)), Repeat(("1", 3), ("2", 2)));

        Assert.Contains(easier.Strengths, s => s.Kind == "improved" && s.Evidence.Question == "ease");
        Assert.DoesNotContain(harder.Strengths, s => s.Kind == "improved");
        Assert.Equal(-2.0, Assert.Single(easier.QuestionChanges!).Change);
    }
}
