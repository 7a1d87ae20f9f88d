using System.Text.Json.Nodes;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Features.Reviews.Rendering;

namespace FeedbackBot.Tests.Features.Reviews.Rendering;

/// <summary>
/// The answer distributions of a staff pulse whose statements are rated on agreement, tallied by the engine from a
/// plan file, as the HTML report, the Markdown and the JSON show them: the words the respondents saw, not
/// "very dissatisfied" and not bare numbers.
/// </summary>
public sealed class ReviewAnswerLabelsTests
{
    private static readonly MeasurementPlan Plan = PlanParser.Parse("staff.yaml", """
        id: staff-pulse
        name: Staff pulse
        audiences: [staff]
        features: [responsiveness, resolution]
        questions:
          - id: responsiveness
            text: Customers get a response from us quickly.
            type: agree5
            feature: responsiveness
          - id: resolution
            text: I have what I need to resolve customers' issues on first contact.
            type: agree5
            labels: [Never, Rarely, Sometimes, Usually, Always]
          - id: satisfaction
            text: How satisfied are you with your tools?
            type: rating5
        """, new PlanParserOptions(_ => true)).Plan!;

    private static readonly Review Review = Build();

    private static Review Build()
    {
        // Ten staff: responsiveness 1,2,3,4,4,4,5,5,5,5; resolution and satisfaction all 4.
        var start = new DateTime(2026, 10, 12, 0, 0, 0, DateTimeKind.Utc);
        var window = new CycleWindow(start, start.AddDays(5));
        var answers = new[] { "1", "2", "3", "4", "4", "4", "5", "5", "5", "5" };
        var analyzer = new CycleAnalyzer(Plan, window);
        analyzer.AddAll(answers.Select((a, i) => new ResponseRecord(
            $"s{i}", start.AddHours(i + 1), Audience.Staff, null, 120,
            new Dictionary<string, string> { ["responsiveness"] = a, ["resolution"] = "4", ["satisfaction"] = "4" })));
        return SampleReviews.Realistic() with { Distributions = Distributions.Of(Plan, analyzer.Complete()) };
    }

    [Fact]
    public void Render_Agree5Distribution_HtmlTableAndChartNameEachPoint()
    {
        var html = ReviewHtml.Render(Review, new HtmlReportOptions("review.csv", "review.json", new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc)));

        Assert.Contains("responsiveness · agreement 1 (strongly disagree) – 5 (strongly agree) · 10 answers", html, StringComparison.Ordinal);
        foreach (var (words, count, share) in new[]
        {
            ("1 – strongly disagree", 1, "10.0%"), ("2 – disagree", 1, "10.0%"), ("3 – neither agree nor disagree", 1, "10.0%"),
            ("4 – agree", 3, "30.0%"), ("5 – strongly agree", 4, "40.0%"),
        })
        {
            Assert.Contains($"<th scope=\"row\">{words}</th><td class=\"num\">{count}</td><td class=\"num\">{share}</td>", html, StringComparison.Ordinal);
        }

        Assert.Contains("<th scope=\"row\">4 – Usually</th>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Customers get a response from us quickly.: 1 – strongly disagree 10.0% (1);", html, StringComparison.Ordinal);
        Assert.Contains("\"labels\":[\"1 – strongly disagree\",\"2 – disagree\",\"3 – neither agree nor disagree\",\"4 – agree\",\"5 – strongly agree\"]", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">1 – very dissatisfied</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">3</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Agree5Distribution_MarkdownNamesEachPoint()
    {
        var markdown = ReviewMarkdown.Render(Review);

        Assert.Contains(
            "**Customers get a response from us quickly.** (10 answers): 1 – strongly disagree: 1 (10.0%), 2 – disagree: 1 (10.0%), " +
            "3 – neither agree nor disagree: 1 (10.0%), 4 – agree: 3 (30.0%), 5 – strongly agree: 4 (40.0%)",
            markdown, StringComparison.Ordinal);
        Assert.Contains("4 – Usually: 10 (100.0%)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_Agree5Distribution_JsonCarriesTypeAndLabelsAndReadsBack()
    {
        var json = ReviewJson.Serialize(Review, indented: false);
        var node = JsonNode.Parse(json)!["distributions"]!.AsArray();

        Assert.Equal("agree5", (string?)node[0]!["type"]);
        Assert.Equal(
            ["strongly disagree", "disagree", "neither agree nor disagree", "agree", "strongly agree"],
            node[0]!["counts"]!.AsArray().Select(c => (string?)c!["label"]));
        Assert.Equal(["very dissatisfied", null, null, null, "very satisfied"], node[2]!["counts"]!.AsArray().Select(c => (string?)c!["label"]));
        Assert.Equal("Usually", ReviewJson.Deserialize(json).Distributions[1].Counts[3].Label);
    }

    [Fact]
    public void Deserialize_ReviewStoredBeforeLabels_ReadsWithNoLabels()
    {
        var node = JsonNode.Parse(ReviewJson.Serialize(Review, indented: false))!;
        foreach (var count in node["distributions"]!.AsArray().SelectMany(d => d!["counts"]!.AsArray()))
        {
            count!.AsObject().Remove("label");
        }

        var read = ReviewJson.Deserialize(node.ToJsonString());

        Assert.All(read.Distributions.SelectMany(d => d.Counts), c => Assert.Null(c.Label));
        Assert.Contains("**Customers get a response from us quickly.** (10 answers): 1: 1 (10.0%)", ReviewMarkdown.Render(read), StringComparison.Ordinal);
    }
}
