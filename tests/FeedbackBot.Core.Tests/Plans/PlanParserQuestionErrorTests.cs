using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary>Errors in questions. The header takes lines 1-4, 'questions:' is line 5 and the first item starts on line 6.</summary>
public class PlanParserQuestionErrorTests
{
    private const string Types = "rating5, agree5, nps, effort7, yesno, choice, multichoice, text";

    private static string WithQuestions(string questions) => Header + "\nquestions:\n" + questions;

    [Theory]
    [InlineData("  - text: Q?\n    type: rating5", "6:5: questions[0].id: missing required field 'id'; expected the question's id: lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters")]
    [InlineData("  - id: q\n    type: rating5", "6:5: questions[0].text: missing required field 'text'; expected the wording shown to the respondent")]
    [InlineData("  - id: q\n    text: Q?", $"6:5: questions[0].type: missing required field 'type'; expected one of {Types}")]
    [InlineData("  - id: q\n    text:\n    type: rating5", "7:5: questions[0].text: 'text' has no value; expected the wording shown to the respondent")]
    public void Parse_QuestionMissingARequiredField_ReportsItAtTheQuestion(string questions, string expected)
    {
        AssertSingleError(Parse(WithQuestions(questions)), expected);
    }

    [Fact]
    public void Parse_EmptyQuestionList_IsRejected()
    {
        AssertSingleError(Parse(Header + "\nquestions: []"), "5:12: questions: expected at least one question");
    }

    [Fact]
    public void Parse_UnknownQuestionType_ListsTheTypes()
    {
        var result = Parse(WithQuestions("""
              - id: q
                text: Q?
                type: stars
            """));

        AssertSingleError(result, $"8:11: questions[0].type: unknown question type 'stars'; expected one of {Types}");
    }

    [Fact]
    public void Parse_BadQuestionId_ExplainsTheRule()
    {
        var result = Parse(WithQuestions("""
              - id: Question 1
                text: Q?
                type: rating5
            """));

        AssertSingleError(result,
            "6:9: questions[0].id: 'Question 1' is not a valid question id; expected lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters");
    }

    [Fact]
    public void Parse_DuplicateQuestionId_PointsAtTheRepeat()
    {
        var result = Parse(WithQuestions("""
              - id: q
                text: Q?
                type: rating5
              - id: q
                text: Again?
                type: text
            """));

        AssertSingleError(result, "9:9: questions[1].id: duplicate question id 'q'; it is already used at line 6");
    }

    [Fact]
    public void Parse_QuestionTextTooLong_IsRejected()
    {
        var result = Parse(WithQuestions($"  - id: q\n    text: {new string('x', 501)}\n    type: text"));

        AssertSingleError(result, "7:11: questions[0].text: is 501 characters long; expected at most 500");
    }

    [Fact]
    public void Parse_FeatureNotInThePlan_ListsThePlansFeatures()
    {
        var result = Parse(WithQuestions("""
              - id: q
                text: Q?
                type: rating5
                feature: empathy
            """));

        AssertSingleError(result,
            "9:14: questions[0].feature: unknown feature 'empathy'; expected one of the plan's features: speed, care");
    }

    [Fact]
    public void Parse_FeatureWhenTheFeaturesListHasAnError_IsNotReportedAgain()
    {
        var result = Parse("""
            id: p
            name: P
            audiences: [customer]
            features: [speed, Care]
            questions:
              - id: q
                text: Q?
                type: rating5
                feature: Care
            """);

        Assert.Equal(["4:19: features[1]"], result.Errors.Select(e => $"{e.Line}:{e.Column}: {e.Field}"));
    }

    [Fact]
    public void Parse_RequiredThatIsNotABoolean_SaysTrueOrFalse()
    {
        var result = Parse(WithQuestions("""
              - id: q
                text: Q?
                type: rating5
                required: yes
            """));

        AssertSingleError(result, "9:15: questions[0].required: expected true or false, got 'yes'");
    }

    [Fact]
    public void Parse_AudienceMissingWhenThePlanHasTwo_AsksWhichOne()
    {
        var result = Parse(Minimal.Replace("[customer]", "[customer, staff]", StringComparison.Ordinal));

        AssertSingleError(result,
            "6:5: questions[0].audience: missing required field 'audience'; the plan has more than one audience, so each question must say who is asked: customer, staff");
    }

    [Fact]
    public void Parse_AudienceNotInThePlan_ListsThePlansAudiences()
    {
        var result = Parse(WithQuestions("""
              - id: q
                text: Q?
                type: rating5
                audience: staff
            """));

        AssertSingleError(result,
            "9:15: questions[0].audience: audience 'staff' is not one of the plan's audiences; expected customer");
    }

    [Fact]
    public void Parse_UnknownAudienceOnAQuestion_ListsTheAudiences()
    {
        var result = Parse(WithQuestions("""
              - id: q
                text: Q?
                type: rating5
                audience: managers
            """));

        AssertSingleError(result,
            "9:15: questions[0].audience: unknown audience 'managers'; expected one of customer, staff");
    }

    [Theory]
    [InlineData("choice")]
    [InlineData("multichoice")]
    public void Parse_ChoiceWithoutOptions_AsksForThem(string type)
    {
        var result = Parse(WithQuestions($"  - id: q\n    text: Q?\n    type: {type}"));

        AssertSingleError(result,
            $"6:5: questions[0].options: missing required field 'options'; a {type} question needs a list of 2 to 50 options");
    }

    [Theory]
    [InlineData("rating5")]
    [InlineData("text")]
    public void Parse_OptionsOnAQuestionThatTakesNone_AreRejected(string type)
    {
        var result = Parse(WithQuestions($"  - id: q\n    text: Q?\n    type: {type}\n    options: [A, B]"));

        AssertSingleError(result,
            $"9:5: questions[0].options: only choice and multichoice questions have options; this is a {type} question");
    }

    [Theory]
    [InlineData("[Phone]", "9:14: questions[0].options: expected 2 to 50 options, got 1")]
    [InlineData("[]", "9:14: questions[0].options: expected 2 to 50 options, got 0")]
    [InlineData("[Phone, Email, phone]", "9:29: questions[0].options[2]: duplicate option 'phone'; it is already used at line 9")]
    [InlineData("[Phone, '']", "9:22: questions[0].options[1]: must not be empty")]
    [InlineData("Phone", "9:14: questions[0].options: expected a list, got 'Phone'; write [a, b] or one '- item' per line")]
    public void Parse_BadOptions_AreReported(string options, string expected)
    {
        var result = Parse(WithQuestions($"  - id: q\n    text: Q?\n    type: choice\n    options: {options}"));

        AssertSingleError(result, expected);
    }

    [Fact]
    public void Parse_MultichoiceOptionWithAComma_IsRejectedBecauseAnswersComeBackCommaJoined()
    {
        var result = Parse(WithQuestions("  - id: q\n    text: Q?\n    type: multichoice\n    options: [Phone, 'Fees, charges']"));

        AssertSingleError(result, "9:22: questions[0].options[1]: a multichoice option cannot contain a comma; the chosen options come back joined by commas");
    }

    [Fact]
    public void Parse_ChoiceOptionWithAComma_IsAccepted()
    {
        var result = Parse(WithQuestions("  - id: q\n    text: Q?\n    type: choice\n    options: [Phone, 'Fees, charges']"));

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Parse_OptionLongerThanSlackShows_IsRejected()
    {
        var longOption = new string('x', 76);

        var result = Parse(WithQuestions($"  - id: q\n    text: Q?\n    type: choice\n    options: [Phone, {longOption}]"));

        AssertSingleError(result, "9:22: questions[0].options[1]: an option may be at most 75 characters, this one has 76");
    }

    [Fact]
    public void Parse_FortyOneQuestions_AreTooManyForOneChatForm()
    {
        var questions = string.Join("\n", Enumerable.Range(1, 41).Select(i => $"  - id: q{i}\n    text: Q{i}?\n    type: rating5"));

        var result = Parse(WithQuestions(questions));

        AssertSingleError(result, "6:3: questions: expected at most 40 questions, got 41: a pulse is answered in one chat form");
    }

    [Fact]
    public void Parse_FiftyOneOptions_AreTooMany()
    {
        var options = string.Join(", ", Enumerable.Range(1, 51).Select(i => $"Option {i}"));

        var result = Parse(WithQuestions($"  - id: q\n    text: Q?\n    type: multichoice\n    options: [{options}]"));

        AssertSingleError(result, "9:14: questions[0].options: expected 2 to 50 options, got 51");
    }
}
