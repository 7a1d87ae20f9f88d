using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary>Errors in the plan's own fields: id, name, audiences, features and methods.</summary>
public class PlanParserTopLevelErrorTests
{
    private const string SlugRule =
        "lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters";

    private const string Questions = """
        questions:
          - id: q
            text: Q?
            type: rating5
        """;

    public static TheoryData<string, string> MissingFields { get; } = new()
    {
        {
            "name: P\naudiences: [customer]\nfeatures: [speed]\n" + Questions,
            $"1:1: id: missing required field 'id'; expected the plan's id: {SlugRule}"
        },
        {
            "id: p\naudiences: [customer]\nfeatures: [speed]\n" + Questions,
            "1:1: name: missing required field 'name'; expected the plan's display name"
        },
        {
            "id: p\nname: P\nfeatures: [speed]\n" + Questions,
            "1:1: audiences: missing required field 'audiences'; expected a list of who is asked: customer, staff"
        },
        {
            "id: p\nname: P\naudiences: [customer]\n" + Questions,
            "1:1: features: missing required field 'features'; expected a list of the service features measured, such as [responsiveness, empathy]"
        },
        {
            Header,
            "1:1: questions: missing required field 'questions'; expected a list of questions, each with at least id, text and type"
        },
    };

    [Theory]
    [MemberData(nameof(MissingFields))]
    public void Parse_MissingRequiredTopLevelField_ReportsItAtTheStartOfThePlan(string yaml, string expected)
    {
        AssertSingleError(Parse(yaml), expected);
    }

    [Fact]
    public void Parse_RequiredFieldWithNoValue_ReportsItAtItsKey()
    {
        var result = Parse(Minimal.Replace("name: P", "name:", StringComparison.Ordinal));

        AssertSingleError(result, "2:1: name: 'name' has no value; expected the plan's display name");
    }

    [Theory]
    [InlineData("Customer Experience")]
    [InlineData("-leading-dash")]
    [InlineData("has.dot")]
    [InlineData("\"\"")]
    [InlineData("an-id-that-is-far-too-long-to-be-used-as-an-id-for-anything-at-all")]
    public void Parse_BadPlanId_ExplainsTheRule(string id)
    {
        var result = Parse(Minimal.Replace("id: p", "id: " + id, StringComparison.Ordinal));

        var shown = id == "\"\"" ? "" : id;
        AssertSingleError(result, $"1:5: id: '{shown}' is not a valid plan id; expected {SlugRule}");
    }

    [Theory]
    [InlineData("\"   \"", "2:7: name: must not be empty")]
    [InlineData("''", "2:7: name: must not be empty")]
    public void Parse_EmptyName_IsRejected(string name, string expected)
    {
        AssertSingleError(Parse(Minimal.Replace("name: P", "name: " + name, StringComparison.Ordinal)), expected);
    }

    [Fact]
    public void Parse_NameLongerThan200Characters_IsRejected()
    {
        var result = Parse(Minimal.Replace("name: P", "name: " + new string('x', 201), StringComparison.Ordinal));

        AssertSingleError(result, "2:7: name: is 201 characters long; expected at most 200");
    }

    [Theory]
    [InlineData("audiences: [customer, robots]", "3:23: audiences[1]: unknown audience 'robots'; expected one of customer, staff")]
    [InlineData("audiences: [Customer]", "3:13: audiences[0]: unknown audience 'Customer'; did you mean 'customer'? expected one of customer, staff")]
    [InlineData("audiences: [customer, staff, customer]", "3:30: audiences[2]: duplicate audience 'customer'; it is already used at line 3")]
    [InlineData("audiences: []", "3:12: audiences: expected at least one audience")]
    public void Parse_BadAudiences_AreReportedPerItem(string line, string expected)
    {
        AssertSingleError(Parse(Minimal.Replace("audiences: [customer]", line, StringComparison.Ordinal)), expected);
    }

    [Theory]
    [InlineData("features: [speed, Care]", $"4:19: features[1]: 'Care' is not a valid feature name; expected {SlugRule}")]
    [InlineData("features: [speed, speed]", "4:19: features[1]: duplicate feature 'speed'; it is already used at line 4")]
    [InlineData("features: []", "4:11: features: expected at least one feature")]
    public void Parse_BadFeatures_AreReportedPerItem(string line, string expected)
    {
        AssertSingleError(Parse(Minimal.Replace("features: [speed, care]", line, StringComparison.Ordinal)), expected);
    }

    [Theory]
    [InlineData("methods: [survey, email]", "9:19: methods[1]: unknown method 'email'; expected one of survey, web_link, informal_feedback, complaints, operational_data, observation")]
    [InlineData("methods: [survey, survey]", "9:19: methods[1]: duplicate method 'survey'; it is already used at line 9")]
    [InlineData("methods: []", "9:10: methods: expected at least one method")]
    public void Parse_BadMethods_AreReportedPerItem(string line, string expected)
    {
        AssertSingleError(ParseMinimalWith(line), expected);
    }

    [Theory]
    [InlineData("cycle_days: 0", "9:13: cycle_days: expected a whole number from 1 to 366, got 0")]
    [InlineData("cycle_days: 367", "9:13: cycle_days: expected a whole number from 1 to 366, got 367")]
    [InlineData("min_days_between_invitations: -1", "9:31: min_days_between_invitations: expected a whole number from 0 to 366, got -1")]
    [InlineData("min_days_between_invitations: 400", "9:31: min_days_between_invitations: expected a whole number from 0 to 366, got 400")]
    [InlineData("minimum_group_size: 2", "9:21: minimum_group_size: expected a whole number of at least 3, got 2; smaller groups could identify the people in them")]
    [InlineData("minimum_group_size: 99999999999", "9:21: minimum_group_size: expected a whole number of at least 3, got 99999999999; smaller groups could identify the people in them")]
    public void Parse_WholeNumberOutOfRange_StatesTheRange(string line, string expected)
    {
        AssertSingleError(ParseMinimalWith(line), expected);
    }
}
