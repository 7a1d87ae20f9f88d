using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary>Errors in post_to, validation and themes, which follow the minimal plan from line 9.</summary>
public class PlanParserReviewErrorTests
{
    private const string SlugRule =
        "lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters";

    [Fact]
    public void Parse_UnknownChannel_ListsTheChannels()
    {
        AssertSingleError(ParseMinimalWith("post_to:\n  - channel: email\n    conversation: ops@example.com"),
            "10:14: post_to[0].channel: unknown channel 'email'; expected one of teams, slack");
    }

    [Theory]
    [InlineData("post_to:\n  - conversation: C0123", "10:5: post_to[0].channel: missing required field 'channel'; expected one of teams, slack")]
    [InlineData("post_to:\n  - channel: slack", "10:5: post_to[0].conversation: missing required field 'conversation'; expected the channel's id, such as 19:...@thread.tacv2 in Teams or C0123ABCD in Slack")]
    [InlineData("post_to:\n  - channel: slack\n    conversation: ''", "11:19: post_to[0].conversation: must not be empty")]
    [InlineData("post_to:\n  - teams", "10:5: post_to[0]: expected a mapping of fields (name: value), got 'teams'")]
    public void Parse_BadPostTarget_IsReported(string extra, string expected)
    {
        AssertSingleError(ParseMinimalWith(extra), expected);
    }

    [Fact]
    public void Parse_NegativeMinimumSeconds_IsRejected()
    {
        AssertSingleError(ParseMinimalWith("validation:\n  min_seconds_per_question: -1"),
            "10:29: validation.min_seconds_per_question: expected a number of seconds of at least 0, got -1");
    }

    [Fact]
    public void Parse_ValidationWithOneField_KeepsTheOthersDefault()
    {
        var plan = ParseValid(Minimal + "\nvalidation:\n  exclude_straight_liners: true");

        Assert.Equal(new FeedbackBot.Core.Plans.ValidationRules(2, true), plan.Validation);
    }

    [Theory]
    [InlineData("  - label: Billing\n    keywords: [bill]", $"10:5: themes[0].id: missing required field 'id'; expected the theme's id: {SlugRule}")]
    [InlineData("  - id: billing\n    keywords: [bill]", "10:5: themes[0].label: missing required field 'label'; expected the theme's name as shown in reviews")]
    [InlineData("  - id: billing\n    label: Billing", "10:5: themes[0].keywords: missing required field 'keywords'; expected a list of words or phrases that mark a comment with this theme")]
    [InlineData("  - id: Billing\n    label: Billing\n    keywords: [bill]", $"10:9: themes[0].id: 'Billing' is not a valid theme id; expected {SlugRule}")]
    [InlineData("  - id: billing\n    label: ' '\n    keywords: [bill]", "11:12: themes[0].label: must not be empty")]
    [InlineData("  - id: billing\n    label: Billing\n    keywords: []", "12:15: themes[0].keywords: expected at least one keyword")]
    [InlineData("  - id: billing\n    label: Billing\n    keywords: [bill, '']", "12:22: themes[0].keywords[1]: must not be empty")]
    [InlineData("  - id: billing\n    label: Billing\n    keywords: bill", "12:15: themes[0].keywords: expected a list, got 'bill'; write [a, b] or one '- item' per line")]
    [InlineData("  - id: billing\n    label: Billing\n    feature: money\n    keywords: [bill]", "12:14: themes[0].feature: unknown feature 'money'; expected one of the plan's features: speed, care")]
    public void Parse_BadTheme_IsReported(string theme, string expected)
    {
        AssertSingleError(ParseMinimalWith("themes:\n" + theme), expected);
    }

    [Fact]
    public void Parse_DuplicateThemeId_PointsAtTheRepeat()
    {
        var result = ParseMinimalWith("""
            themes:
              - id: billing
                label: Billing
                keywords: [bill]
              - id: billing
                label: Invoices
                keywords: [invoice]
            """);

        AssertSingleError(result, "13:9: themes[1].id: duplicate theme id 'billing'; it is already used at line 10");
    }
}
