using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary>The <c>web_link</c> method with its settings, written as a mapping in the methods list from line 9.</summary>
public class PlanParserWebLinkTests
{
    [Fact]
    public void Parse_WebLinkWithDelay_TakesHelpdeskTriggersAfterThatDelay()
    {
        var plan = ParseValid(Minimal + "\nmethods:\n  - survey\n  - web_link: {delay: 2h}\n  - complaints");

        Assert.Equal([CollectionMethod.Survey, CollectionMethod.WebLink, CollectionMethod.Complaints], plan.Methods);
        Assert.Equal(TimeSpan.FromHours(2), plan.WebLink?.Delay);
        Assert.True(plan.TakesHelpdeskTriggers);
    }

    [Fact]
    public void Parse_WebLinkAsAPlainName_TakesNoHelpdeskTriggers()
    {
        var plan = ParseValid(Minimal + "\nmethods: [web_link]");

        Assert.Null(plan.WebLink);
        Assert.False(plan.TakesHelpdeskTriggers);
    }

    [Fact]
    public void Serialize_PlanWithoutWebLinkSettings_WritesNoWebLinkField()
    {
        // Plans stored before web_link had settings must keep their content hash, or re-applying them would make new versions.
        var json = PlanJson.Serialize(ParseValid(Minimal + "\nmethods: [web_link]"));

        Assert.DoesNotContain("web_link\":", json.Replace("\"methods\":[\"web_link\"]", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_PlanWithDelay_ReadsBackTheSameDelay()
    {
        var plan = ParseValid(Minimal + "\nmethods:\n  - web_link:\n      delay: 45m");

        Assert.Equal(TimeSpan.FromMinutes(45), PlanJson.Deserialize(PlanJson.Serialize(plan)).WebLink?.Delay);
    }

    [Theory]
    [InlineData("methods:\n  - web_link: {delay: 2 hours}", "10:23: methods[0].web_link.delay: '2 hours' is not a delay from 1m to 30d; expected a whole number followed by m (minutes), h (hours) or d (days), such as 30m, 12h or 2d")]
    [InlineData("methods:\n  - web_link: {delay: 31d}", "10:23: methods[0].web_link.delay: '31d' is not a delay from 1m to 30d; expected a whole number followed by m (minutes), h (hours) or d (days), such as 30m, 12h or 2d")]
    [InlineData("methods:\n  - complaints: {delay: 2h}", "10:5: methods[0]: 'complaints' takes no settings; write it as a plain name (only web_link has settings: delay)")]
    [InlineData("methods:\n  - {web_link: {delay: 2h}, survey: {}}", "10:5: methods[0]: expected a method name, or one method with its settings such as 'web_link: {delay: 2h}'")]
    public void Parse_BadWebLinkSettings_ReportsWhereAndWhy(string extra, string expected)
    {
        AssertSingleError(ParseMinimalWith(extra), expected);
    }

    [Fact]
    public void Parse_WebLinkUnknownSetting_IsAnError()
    {
        var result = ParseMinimalWith("methods:\n  - web_link: {delai: 2h}");

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.ToString().Contains("delai", StringComparison.Ordinal));
    }
}
