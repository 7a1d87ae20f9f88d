using FeedbackBot.Core.Plans;
using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary>agree5 questions and the labels of five-point scales. The header takes lines 1-4, 'questions:' is line 5.</summary>
public class PlanParserScaleTests
{
    private static PlanParseResult ParseQuestion(string question) => Parse(Header + "\nquestions:\n" + question);

    [Fact]
    public void Parse_Agree5Question_ReadsItsTypeAndTheAgreementWords()
    {
        var plan = ParseValid(Header + """

            questions:
              - id: quick
                text: Customers get a response from us quickly.
                type: agree5
            """);

        var question = Assert.Single(plan.Questions);
        Assert.Equal(QuestionType.Agree5, question.Type);
        Assert.Null(question.Labels);
        Assert.Equal(
            ["1 – strongly disagree", "2 – disagree", "3 – neither agree nor disagree", "4 – agree", "5 – strongly agree"],
            Enumerable.Range(1, 5).Select(v => ScaleWords.Label(question, v)));
    }

    [Theory]
    [InlineData("rating5")]
    [InlineData("agree5")]
    public void Parse_FiveLabels_AreTheWordsOfTheFivePoints(string type)
    {
        var plan = ParseValid(Header + $"""

            questions:
              - id: q
                text: How often do you have what you need?
                type: {type}
                labels: [Never, Rarely, Sometimes, Usually, "  Always "]
            """);

        var question = Assert.Single(plan.Questions);
        Assert.Equal(["Never", "Rarely", "Sometimes", "Usually", "Always"], question.Labels);
        Assert.Equal("1 – Never", ScaleWords.Label(question, 1));
        Assert.Equal("5 – Always", ScaleWords.Label(question, 5));
    }

    [Theory]
    [InlineData("[Bad, Poor, Fair, Good]", "4")]
    [InlineData("[A, B, C, D, E, F]", "6")]
    [InlineData("[]", "0")]
    public void Parse_LabelsNotFive_AsksForAllFiveOrNone(string labels, string got)
    {
        AssertSingleError(ParseQuestion($"  - id: q\n    text: Q?\n    type: rating5\n    labels: {labels}"),
            $"9:13: questions[0].labels: expected 5 labels, one for each point from 1 to 5, got {got}; give all 5 or leave 'labels' out");
    }

    [Fact]
    public void Parse_EmptyOrRepeatedLabel_IsReportedAtItsItem()
    {
        AssertErrors(ParseQuestion("  - id: q\n    text: Q?\n    type: agree5\n    labels: [No, '', Maybe, no, Yes]"),
            "9:18: questions[0].labels[1]: must not be empty",
            "9:29: questions[0].labels[3]: duplicate label 'no'; it is already used at line 9");
    }

    [Fact]
    public void Parse_LabelTooLong_SaysTheLimit()
    {
        var label = new string('x', 71);
        AssertSingleError(ParseQuestion($"  - id: q\n    text: Q?\n    type: agree5\n    labels: [a, b, c, d, {label}]"),
            "9:26: questions[0].labels[4]: is 71 characters long; expected at most 70");
    }

    [Fact]
    public void Parse_LabelsNotAList_SaysHowToWriteOne()
    {
        AssertSingleError(ParseQuestion("  - id: q\n    text: Q?\n    type: agree5\n    labels: Never to Always"),
            "9:13: questions[0].labels: expected a list, got 'Never to Always'; write [a, b] or one '- item' per line");
    }

    [Theory]
    [InlineData("nps", "an nps")]
    [InlineData("yesno", "a yesno")]
    [InlineData("text", "a text")]
    public void Parse_LabelsOnAnotherType_AreRefused(string type, string described)
    {
        AssertSingleError(ParseQuestion($"  - id: q\n    text: Q?\n    type: {type}\n    labels: [a, b, c, d, e]"),
            $"9:5: questions[0].labels: only rating5 and agree5 questions have labels; this is {described} question");
    }

    [Fact]
    public void Parse_AgreeAndMeanKpisOnAnAgree5Question_AreAccepted()
    {
        var plan = ParseValid(Header + """

            questions:
              - id: quick
                text: We respond quickly.
                type: agree5
            kpis:
              - id: quick_agree
                metric: agree
                question: quick
                target: 80
              - id: quick_mean
                metric: mean
                question: quick
                target: 4
            """);

        Assert.Equal([KpiMetric.Agree, KpiMetric.Mean], plan.Kpis.Select(k => k.Metric));
    }

    [Fact]
    public void Parse_CsatOnAnAgree5Question_PointsToTheAgreeMetric()
    {
        AssertSingleError(Parse(Header + """

            questions:
              - id: quick
                text: We respond quickly.
                type: agree5
            kpis:
              - id: k
                metric: csat
                question: quick
                target: 80
            """),
            "12:15: kpis[0].question: question 'quick' is an agree5 question; a csat KPI needs a rating5 question; the share of 4 and 5 on an agree5 statement is metric agree");
    }

    [Theory]
    [InlineData("101", "target 101 is out of range; an agree target is a percentage from 0 to 100")]
    [InlineData("-1", "target -1 is out of range; an agree target is a percentage from 0 to 100")]
    public void Parse_AgreeTargetOutsideAPercentage_IsRefused(string target, string message)
    {
        AssertSingleError(Parse(Header + $"""

            questions:
              - id: quick
                text: We respond quickly.
                type: agree5
            kpis:
              - id: k
                metric: agree
                question: quick
                target: {target}
            """),
            $"13:13: kpis[0].target: {message}");
    }

    [Fact]
    public void Parse_MisspeltQuestionType_SuggestsTheType()
    {
        AssertSingleError(ParseQuestion("  - id: q\n    text: Q?\n    type: agree"),
            "8:11: questions[0].type: unknown question type 'agree'; did you mean 'agree5'? expected one of rating5, agree5, nps, effort7, yesno, choice, multichoice, text");
    }

    [Fact]
    public void Parse_MisspeltTopLevelField_SuggestsTheField()
    {
        var result = Parse(Header + "\nquestons:\n  - id: q\n    text: Q?\n    type: rating5");

        Assert.Contains(result.Errors, e => e.ToString().StartsWith(
            "plan.yaml:5:1: questons: unknown field 'questons'; did you mean 'questions'? expected one of id, name,", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MisspeltFeatureAndQuestionReference_SuggestTheNames()
    {
        AssertErrors(Parse(Header + """

            questions:
              - id: waiting
                text: Q?
                type: rating5
                feature: sped
            kpis:
              - id: k
                metric: csat
                question: wating
                target: 80
            """),
            "9:14: questions[0].feature: unknown feature 'sped'; did you mean 'speed'? expected one of the plan's features: speed, care",
            "13:15: kpis[0].question: no question with id 'wating' in this plan; did you mean 'waiting'? expected one of waiting");
    }
}
