using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary>Errors in the file as a whole: its YAML, its shape, repeated and unknown fields, wrong kinds of value.</summary>
public class PlanParserDocumentErrorTests
{
    private const string TopLevelFields =
        "id, name, description, audiences, features, methods, questions, kpis, schedule, cycle_days, cycle_length, sample, "
        + "minimum_group_size, min_days_between_invitations, reminders, post_to, validation, population, themes, scorecards, qa_target, qa_retention_days, sustain_cycles, value, outcome, strength_threshold, complaint_resolution_standard, retention_days";

    [Fact]
    public void Parse_UnterminatedQuote_ReportsTheSyntaxErrorWhereYamlDotNetFindsIt()
    {
        var result = Parse("""
            id: p
            name: "Customer experience
            audiences: [customer]
            """);

        AssertSingleError(result, "2:7: invalid YAML: while scanning a multi-line double-quoted scalar, found wrong indentation.");
    }

    [Fact]
    public void Parse_ColonInsidePlainValue_ReportsTheSyntaxErrorWithItsLine()
    {
        var result = Parse("""
            id: p
            name: P
            audiences: [customer]
            features: [speed]
              questions: []
            """);

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Plan);
        Assert.Equal(5, error.Line);
        Assert.Equal("", error.Field);
        Assert.StartsWith("invalid YAML: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AliasWithoutAnchor_ReportsTheAlias()
    {
        AssertSingleError(ParseMinimalWith("kpis: *standard_kpis"),
            "9:7: invalid YAML: the alias '*standard_kpis' refers to no anchor; define '&standard_kpis' on a value before it");
    }

    [Fact]
    public void Parse_AnchorAndAlias_ReuseTheValue()
    {
        var plan = ParseValid(Minimal + "\n" + """
            themes:
              - id: billing
                label: Billing
                keywords: &money [invoice, bill]
              - id: refunds
                label: Refunds
                keywords: *money
            """);

        Assert.Equal(plan.Themes[0].Keywords, plan.Themes[1].Keywords);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    [InlineData("~\n")]
    public void Parse_EmptyFile_ReportsAnEmptyFile(string yaml)
    {
        AssertSingleError(Parse(yaml),
            "1:1: the file is empty; expected a plan with at least id, name, audiences, features and questions");
    }

    [Theory]
    [InlineData("- id: p\n- id: q\n", "a list")]
    [InlineData("customer experience\n", "'customer experience'")]
    public void Parse_TopLevelIsNotAMapping_ReportsWhatWasFound(string yaml, string found)
    {
        AssertSingleError(Parse(yaml),
            $"1:1: expected a plan (a mapping of fields such as 'id: ...' and 'name: ...') at the top of the file, got {found}");
    }

    [Fact]
    public void Parse_TwoDocuments_ReportsTheSecondDocument()
    {
        var result = Parse(Minimal + "\n---\nid: other\n");

        AssertSingleError(result,
            "9:1: the file holds more than one YAML document (a second '---'); put each plan in a file of its own");
    }

    [Fact]
    public void Parse_DuplicateTopLevelKey_ReportsTheRepeatAndItsFirstLine()
    {
        var result = Parse("""
            id: p
            name: P
            name: Q
            audiences: [customer]
            features: [speed]
            questions:
              - id: q
                text: Q?
                type: rating5
            """);

        AssertSingleError(result,
            "3:1: name: duplicate field 'name'; it is already given at line 2, and a field may appear only once");
    }

    [Fact]
    public void Parse_DuplicateKeyInAListItem_ReportsItsPathAndCarriesOn()
    {
        var result = Parse(Header + "\n" + """
            questions:
              - id: q
                text: Q?
                text: Again?
                type: stars
            """);

        AssertErrors(result,
            "8:5: questions[0].text: duplicate field 'text'; it is already given at line 7, and a field may appear only once",
            "9:11: questions[0].type: unknown question type 'stars'; expected one of rating5, agree5, nps, effort7, yesno, choice, multichoice, text");
    }

    [Fact]
    public void Parse_DuplicateKeyWithAMappingValue_IsDroppedWithItsWholeValue()
    {
        var result = ParseMinimalWith("""
            schedule:
              cron: "0 9 * * 1"
              time_zone: UTC
            schedule:
              cron: not a cron
              time_zone: Nowhere
            """);

        AssertSingleError(result,
            "12:1: schedule: duplicate field 'schedule'; it is already given at line 9, and a field may appear only once");
    }

    [Fact]
    public void Parse_UnknownTopLevelField_ListsTheAllowedFields()
    {
        AssertSingleError(ParseMinimalWith("colour: blue"),
            $"9:1: colour: unknown field 'colour'; expected one of {TopLevelFields}");
    }

    [Theory]
    [InlineData("""
        questions:
          - id: q
            text: Q?
            type: rating5
            colour: blue
        """, "9:5: questions[0].colour: unknown field 'colour'; expected one of id, text, type, feature, required, audience, options, labels")]
    [InlineData("""
        questions:
          - id: q
            text: Q?
            type: rating5
        kpis:
          - id: k
            metric: response_rate
            target: 20
            goal: 30
        """, "13:5: kpis[0].goal: unknown field 'goal'; expected one of id, metric, question, target, direction")]
    public void Parse_UnknownNestedField_ReportsItsPath(string rest, string expected)
    {
        AssertSingleError(Parse(Header + "\n" + rest), expected);
    }

    [Fact]
    public void Parse_MisspeltOptionalField_ReportsTheMisspellingAndTheMissingField()
    {
        var result = ParseMinimalWith("""
            schedule:
              cron: "0 9 * * 1"
              timezone: UTC
            """);

        AssertErrors(result,
            "10:3: schedule.time_zone: missing required field 'time_zone'; expected an IANA time zone id, such as Europe/London",
            "11:3: schedule.timezone: unknown field 'timezone'; did you mean 'time_zone'? expected one of cron, time_zone");
    }

    [Theory]
    [InlineData("audiences: customer", "3:12: audiences: expected a list, got 'customer'; write [a, b] or one '- item' per line")]
    [InlineData("name: [a, b]", "2:7: name: expected a string, got a list")]
    [InlineData("features: {speed: 1}", "4:11: features: expected a list, got a mapping; write [a, b] or one '- item' per line")]
    [InlineData("questions: [oops]", "5:13: questions[0]: expected a mapping of fields (name: value), got 'oops'")]
    public void Parse_WrongKindOfNodeForARequiredField_SaysWhatIsExpected(string line, string expected)
    {
        var lines = Minimal.Split('\n').ToList();
        var key = line[..line.IndexOf(':', StringComparison.Ordinal)];
        var index = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        lines[index] = line;
        if (key == "questions")
        {
            lines.RemoveRange(index + 1, 3);
        }

        AssertSingleError(Parse(string.Join('\n', lines)), expected);
    }

    [Theory]
    [InlineData("cycle_days: seven", "9:13: cycle_days: expected a whole number from 1 to 366, got 'seven'")]
    [InlineData("cycle_days: 7.5", "9:13: cycle_days: expected a whole number from 1 to 366, got '7.5'")]
    [InlineData("cycle_days: \"7\"", "9:13: cycle_days: expected a whole number from 1 to 366, got the quoted string '7'; write numbers without quotes")]
    [InlineData("schedule: weekly", "9:11: schedule: expected a mapping of fields (name: value), got 'weekly'")]
    [InlineData("kpis: csat", "9:7: kpis: expected a list, got 'csat'; write [a, b] or one '- item' per line")]
    [InlineData("population: [north, south]", "9:13: population: expected a mapping of fields (name: value), got a list")]
    [InlineData("validation: {exclude_straight_liners: yes}", "9:39: validation.exclude_straight_liners: expected true or false, got 'yes'")]
    [InlineData("validation: {exclude_straight_liners: \"true\"}", "9:39: validation.exclude_straight_liners: expected true or false, got the quoted string 'true'; write it without quotes")]
    [InlineData("validation: {min_seconds_per_question: fast}", "9:40: validation.min_seconds_per_question: expected a number, got 'fast'")]
    [InlineData("validation: {min_seconds_per_question: \"2\"}", "9:40: validation.min_seconds_per_question: expected a number, got the quoted string '2'; write numbers without quotes")]
    [InlineData("validation: {min_seconds_per_question: .inf}", "9:40: validation.min_seconds_per_question: expected a number, got '.inf'; expected a finite number")]
    [InlineData("methods: [[survey]]", "9:11: methods[0]: expected a string, got a list")]
    public void Parse_WrongKindOfNodeForAnOptionalField_SaysWhatIsExpected(string extra, string expected)
    {
        AssertSingleError(ParseMinimalWith(extra), expected);
    }

    [Fact]
    public void Parse_PercentageWrittenWithASign_SuggestsAPlainNumber()
    {
        var result = ParseMinimalWith("""
            kpis:
              - id: k
                metric: csat
                question: q
                target: 85%
            """);

        AssertSingleError(result,
            "13:13: kpis[0].target: expected a number, got '85%'; write percentages as plain numbers, such as 85");
    }
}
