using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Plans;

public class PlanParserMultipleErrorTests
{
    [Fact]
    public void Parse_FileWithSeveralErrors_ReportsEveryOneInFileOrder()
    {
        var result = Parse("""
            id: Customer Experience
            name: CX
            audiences: [customer, robots]
            features: [speed]
            questions:
              - id: q1
                text: Q?
                type: stars
              - id: q1
                text: ""
                type: rating5
            kpis:
              - id: k
                metric: csat
                question: q1
                target: 120
            cycle_days: 0
            schedule:
              cron: "0 9 * * 1"
              time_zone: Mars/Olympus
              cron: "0 10 * * 1"
            """);

        AssertErrors(result,
            "1:5: id: 'Customer Experience' is not a valid plan id; expected lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters",
            "3:23: audiences[1]: unknown audience 'robots'; expected one of customer, staff",
            "8:11: questions[0].type: unknown question type 'stars'; expected one of rating5, agree5, nps, effort7, yesno, choice, multichoice, text",
            "9:9: questions[1].id: duplicate question id 'q1'; it is already used at line 6",
            "10:11: questions[1].text: must not be empty",
            "16:13: kpis[0].target: target 120 is out of range; a csat target is a percentage from 0 to 100",
            "17:13: cycle_days: expected a whole number from 1 to 366, got 0",
            "20:14: schedule.time_zone: unknown time zone 'Mars/Olympus'; expected an IANA time zone id, such as Europe/London or America/New_York",
            "21:3: schedule.cron: duplicate field 'cron'; it is already given at line 19, and a field may appear only once");
    }

    [Fact]
    public void Parse_ErrorsInTwoDocuments_ReportsTheSecondDocumentAndTheFirstDocumentsErrors()
    {
        var result = Parse(Minimal.Replace("type: rating5", "type: stars", StringComparison.Ordinal) + "\n---\nid: other\n");

        AssertErrors(result,
            "8:11: questions[0].type: unknown question type 'stars'; expected one of rating5, agree5, nps, effort7, yesno, choice, multichoice, text",
            "9:1: the file holds more than one YAML document (a second '---'); put each plan in a file of its own");
    }

    [Fact]
    public void Parse_AnyError_ReturnsNoPlan()
    {
        var result = ParseMinimalWith("cycle_days: 0");

        Assert.Null(result.Plan);
        Assert.False(result.IsValid);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Parse_Error_CarriesTheSourceNameGiven()
    {
        var result = FeedbackBot.Core.Plans.PlanParser.Parse("plans/cx.yaml", "id: p\n", Options);

        Assert.All(result.Errors, e => Assert.Equal("plans/cx.yaml", e.Source));
        Assert.StartsWith("plans/cx.yaml:1:1: name: missing required field 'name'", result.Errors[0].ToString(), StringComparison.Ordinal);
    }
}
