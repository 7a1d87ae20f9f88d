using FeedbackBot.Core.Scorecards;
using static FeedbackBot.Core.Tests.Scorecards.ScorecardFixtures;

namespace FeedbackBot.Core.Tests.Scorecards;

public class CriterionAnswerTests
{
    private static readonly Criterion Greeting = Phone.Criteria[0];
    private static readonly Criterion Verified = Phone.Criteria[1];
    private static readonly Criterion Tone = Phone.Criteria[2];

    [Theory]
    [InlineData("yes", "yes")]
    [InlineData(" YES ", "yes")]
    [InlineData("no", "no")]
    [InlineData("na", "na")]
    [InlineData("NA", "na")]
    [InlineData("", "na")]
    [InlineData(null, "na")]
    public void TryParse_YesNoSpellings_ReadsTheAnswer(string? text, string read)
    {
        Assert.True(CriterionAnswer.TryParse(text, Greeting, out var answer, out _));
        Assert.Equal(read, answer.ToString());
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("5", 5)]
    public void TryParse_Rating_ReadsTheRating(string text, int rating)
    {
        Assert.True(CriterionAnswer.TryParse(text, Tone, out var answer, out _));
        Assert.Equal(CriterionAnswer.RatingOf(rating), answer);
    }

    [Theory]
    [InlineData("na", "criterion 'verified' does not allow 'not applicable' (allow_na is false); expected yes or no")]
    [InlineData("", "criterion 'verified' does not allow 'not applicable' (allow_na is false); expected yes or no")]
    [InlineData("4", "'4' is not an answer to criterion 'verified'; expected yes or no")]
    [InlineData("y", "'y' is not an answer to criterion 'verified'; expected yes or no")]
    public void TryParse_NotAllowedOnVerified_SaysWhy(string text, string error)
    {
        Assert.False(CriterionAnswer.TryParse(text, Verified, out _, out var message));
        Assert.Equal(error, message);
    }

    [Theory]
    [InlineData("yes", "'yes' is not an answer to criterion 'tone'; expected a rating from 1 to 5, or na (or empty) when it does not apply")]
    [InlineData("6", "'6' is not an answer to criterion 'tone'; expected a rating from 1 to 5, or na (or empty) when it does not apply")]
    [InlineData("4.5", "'4.5' is not an answer to criterion 'tone'; expected a rating from 1 to 5, or na (or empty) when it does not apply")]
    public void TryParse_OffTheRatingScale_SaysWhy(string text, string error)
    {
        Assert.False(CriterionAnswer.TryParse(text, Tone, out _, out var message));
        Assert.Equal(error, message);
    }

    [Fact]
    public void RatingOf_OutsideOneToFive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CriterionAnswer.RatingOf(0));
    }
}
