using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Analysis.Validation;
using FeedbackBot.Core.Plans;
using FsCheck;
using FsCheck.Fluent;
using static FeedbackBot.Core.Tests.Analysis.Validation.ValidationPlans;

namespace FeedbackBot.Core.Tests.Analysis.Validation;

public sealed class ResponseValidatorTests
{
    [Fact]
    public void Classify_CompleteResponseInWindow_IsUsable()
    {
        var result = new ResponseValidator(Plan(), Window).Classify([Response("a")]);

        Assert.Equal(ResponseClass.Usable, Assert.Single(result).Class);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(30 * 24)]
    public void Classify_SubmittedOutsideTheWindow_IsOutsideWindow(int hour)
    {
        var result = new ResponseValidator(Plan(), Window).Classify([Response("a", hour)]);

        Assert.Equal(ResponseClass.OutsideWindow, result[0].Class);
    }

    [Theory]
    [InlineData("sat", "6")]
    [InlineData("sat", "0")]
    [InlineData("sat", "4.5")]
    [InlineData("nps", "11")]
    [InlineData("ease", "8")]
    [InlineData("fcr", "maybe")]
    [InlineData("channel", "Carrier pigeon")]
    [InlineData("topics", "Billing;Weather")]
    public void Classify_ValueTheQuestionDoesNotAllow_IsOutOfRange(string question, string value)
    {
        var response = Response("a", answers: [("sat", "4"), (question, value)]);

        var result = new ResponseValidator(Plan(), Window).Classify([response]);

        Assert.Equal(ResponseClass.OutOfRange, result[0].Class);
    }

    [Theory]
    [InlineData("fcr", "Yes")]
    [InlineData("fcr", "0")]
    [InlineData("channel", " email ")]
    [InlineData("topics", "returns; Billing")]
    [InlineData("nps", "0")]
    public void Classify_ValueInAnotherAcceptedSpelling_IsUsable(string question, string value)
    {
        var response = Response("a", answers: [("sat", "4"), (question, value)]);

        var result = new ResponseValidator(Plan(), Window).Classify([response]);

        Assert.Equal(ResponseClass.Usable, result[0].Class);
    }

    [Fact]
    public void Classify_RequiredQuestionBlank_IsIncomplete()
    {
        var response = Response("a", answers: [("sat", "  "), ("speed", "4")]);

        Assert.Equal(ResponseClass.Incomplete, new ResponseValidator(Plan(), Window).Classify([response])[0].Class);
    }

    [Fact]
    public void Classify_FasterThanTheMinimumPerAnsweredQuestion_IsSpeeder()
    {
        // Four answers at 2 s each need 8 s; 7.9 s is too fast, 8 s is not.
        var validator = new ResponseValidator(Plan(), Window);

        Assert.Equal(ResponseClass.Speeder, validator.Classify([Response("a", seconds: 7.9)])[0].Class);
        Assert.Equal(ResponseClass.Usable, validator.Classify([Response("b", seconds: 8)])[0].Class);
        Assert.Equal(ResponseClass.Usable, validator.Classify([Response("c", seconds: null)])[0].Class);
    }

    [Fact]
    public void Classify_SameRespondentTwice_KeepsTheLatestAndMarksTheOtherDuplicate()
    {
        var result = new ResponseValidator(Plan(), Window).Classify([Response("a", hour: 5), Response("a", hour: 2), Response("b")]);

        Assert.Equal([ResponseClass.Usable, ResponseClass.Duplicate, ResponseClass.Usable], result.Select(r => r.Class));
    }

    [Fact]
    public void Classify_LaterResponseFailsAnEarlierRule_KeepsTheEarlierUsableOne()
    {
        var result = new ResponseValidator(Plan(), Window).Classify([Response("a", hour: 2), Response("a", hour: 5, seconds: 1)]);

        Assert.Equal([ResponseClass.Usable, ResponseClass.Speeder], result.Select(r => r.Class));
    }

    [Fact]
    public void Classify_ResponseFailingSeveralRules_GetsTheFirstInOrder()
    {
        // Outside the window, out of range, incomplete and a speeder all at once: outside_window wins.
        var response = Response("a", hour: -5, seconds: 0.1, answers: [("speed", "9")]);

        Assert.Equal(ResponseClass.OutsideWindow, new ResponseValidator(Plan(), Window).Classify([response])[0].Class);
    }

    [Fact]
    public void Classify_SameAnswerToFourScaleQuestions_IsCountedButKeptUnlessThePlanExcludesIt()
    {
        var flat = Response("a", answers: [("sat", "5"), ("speed", "5"), ("ease", "5"), ("nps", "5")]);
        var three = Response("b", answers: [("sat", "5"), ("speed", "5"), ("ease", "5")]);

        var kept = new ResponseValidator(Plan(), Window).Classify([flat, three]);
        var excluded = new ResponseValidator(Plan(excludeStraightLiners: true), Window).Classify([flat, three]);

        Assert.Equal([true, false], kept.Select(r => r.StraightLined));
        Assert.Equal([ResponseClass.Usable, ResponseClass.Usable], kept.Select(r => r.Class));
        Assert.Equal([ResponseClass.StraightLined, ResponseClass.Usable], excluded.Select(r => r.Class));
    }

    [Fact]
    public void Classify_AnyResponses_PartitionsThemExactlyOnceWhateverTheirOrder()
    {
        var validator = new ResponseValidator(Plan(), Window);
        var respondents = Gen.Elements("a", "b", "c", "d");
        var hours = Gen.Choose(-48, 30 * 24 + 48);
        var values = Gen.Elements("", "1", "3", "5", "6", "x");
        var seconds = Gen.Elements<double?>(null, 0.5, 3, 60);
        var responses = from r in respondents
                        from h in hours
                        from s in values
                        from p in values
                        from d in seconds
                        select new ResponseRecord(r, Start.AddHours(h), Audience.Customer, null, d,
                            new Dictionary<string, string> { ["sat"] = s, ["speed"] = p });

        Prop.ForAll(responses.ListOf().ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (list, seed) =>
        {
            var classified = validator.Classify(list);
            var shuffled = list.Select((r, i) => (r, key: (i * 7919 + seed) % 1009)).OrderBy(x => x.key).Select(x => x.r).ToList();
            var again = validator.Classify(shuffled);

            // One class each, the same class for the same response in any order, and at most one usable per respondent.
            return classified.Count == list.Count &&
                list.Select((r, i) => classified[i].Class).OrderBy(c => c).SequenceEqual(again.Select(c => c.Class).OrderBy(c => c)) &&
                classified.Where(c => c.Class == ResponseClass.Usable).GroupBy(c => c.Response.RespondentKey).All(g => g.Count() == 1);
        }).QuickCheckThrowOnFailure();
    }
}
