using FeedbackBot.Core.Scorecards;
using static FeedbackBot.Core.Tests.Scorecards.ScorecardFixtures;

namespace FeedbackBot.Core.Tests.Scorecards;

public class ScorecardScoreTests
{
    [Theory]
    // (1·1 + 1·1 + 2·(4 − 1)/4) / 4 = 3.5/4 = 87.5, at or above 80.
    [InlineData("yes", "yes", "4", 87.5, true)]
    // (0 + 1 + 2·1) / 4 = 75, below 80.
    [InlineData("no", "yes", "5", 75.0, false)]
    // greeting not applicable: (1 + 2·(3 − 1)/4) / 3 = 2/3 → 66.67.
    [InlineData("na", "yes", "3", 200.0 / 3, false)]
    // Both optional criteria left empty: verified alone, 1/1 = 100.
    [InlineData("", "yes", "", 100.0, true)]
    // A rating of 1 scores 0: (1 + 1 + 0) / 4 = 50.
    [InlineData("yes", "yes", "1", 50.0, false)]
    public void Score_Answers_WeightedShareOfApplicableCriteria(string greeting, string verified, string tone, double score, bool passed)
    {
        var result = Phone.Score(Answers(Phone, greeting, verified, tone));

        Assert.Equal(score, result.Score!.Value, 9);
        Assert.False(result.CriticalFail);
        Assert.Equal(passed, result.Passed);
    }

    [Fact]
    public void Score_CriticalCriterionNo_ScoresZeroAndFailsWhateverElse()
    {
        var result = Phone.Score(Answers(Phone, "yes", "no", "5"));

        Assert.Equal(new EvaluationScore(0, CriticalFail: true, Passed: false), result);
    }

    [Fact]
    public void Score_ExactlyThePassMarkAfterRounding_Passes()
    {
        // Ten criteria of weight 0.1 with eight yes: 100·0.8/1.0 is 79.99999999999999 in doubles, and must still pass 80.
        var criteria = Enumerable.Range(1, 10)
            .Select(i => new Criterion($"c{i}", "C", "care", null, CriterionScale.YesNo, 0.1, false, false))
            .ToList();
        var scorecard = new Scorecard("s", "S", [InteractionChannel.Email], 80, criteria);
        var answers = criteria.ToDictionary(c => c.Id, c => c.Id is "c9" or "c10" ? CriterionAnswer.No : CriterionAnswer.Yes);

        Assert.True(scorecard.Score(answers).Passed);
    }

    [Fact]
    public void Score_EveryCriterionNotApplicable_HasNoScoreAndNoPass()
    {
        var scorecard = Phone with { Criteria = [Phone.Criteria[0], Phone.Criteria[2]] };

        var result = scorecard.Score(Answers(scorecard, "na", ""));

        Assert.Equal(new EvaluationScore(null, CriticalFail: false, Passed: null), result);
    }

    [Fact]
    public void Score_CriterionWithoutAnswer_Throws()
    {
        var answers = Answers(Phone, "yes", "yes");

        Assert.Throws<ArgumentException>(() => Phone.Score(answers));
    }

    [Fact]
    public void Score_AnswerForUnknownCriterion_Throws()
    {
        var answers = Answers(Phone, "yes", "yes", "4");
        answers["smile"] = CriterionAnswer.Yes;

        Assert.Throws<ArgumentException>(() => Phone.Score(answers));
    }

    [Fact]
    public void Score_RatingOnYesNoCriterion_Throws()
    {
        var answers = Answers(Phone, "yes", "yes", "4");
        answers["greeting"] = CriterionAnswer.RatingOf(4);

        Assert.Throws<ArgumentException>(() => Phone.Score(answers));
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("na", null)]
    public void Passes_YesNoCriterion_PassesOnYes(string answer, bool? passes)
    {
        Assert.Equal(passes, Phone.Criteria[0].Passes(Answers(Phone, answer)["greeting"]));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, true)]
    public void Passes_Rating_PassesOnFourOrFive(int rating, bool passes)
    {
        Assert.Equal(passes, Phone.Criteria[2].Passes(CriterionAnswer.RatingOf(rating)));
    }
}
