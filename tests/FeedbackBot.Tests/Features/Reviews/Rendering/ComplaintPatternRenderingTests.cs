using System.Text.Json.Nodes;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Features.Reviews.Rendering;

namespace FeedbackBot.Tests.Features.Reviews.Rendering;

/// <summary>The complaints Pareto, trends, resolution times and source checks as each report shows them.</summary>
public sealed class ComplaintPatternRenderingTests
{
    private static readonly Review Sample = WithPatterns(SampleReviews.Realistic());

    private static Review WithPatterns(Review review)
    {
        var start = review.Cycle.Start;
        var complaints = review.Complaints! with
        {
            Pareto = ComplaintPareto.Of(review.Complaints!.ByCategory),
            Trends =
            [
                new ComplaintTrend("delay", [new CycleCount(start.AddMonths(-1), start, 15), new CycleCount(start, review.Cycle.End, 21)], 6, 0.4583, 1.4),
            ],
            Resolution = new ResolutionTimes(51, 26.5, 70, 48, 40, 78.4),
            Interactions = 4_800,
            PerThousandInteractions = 11.9,
        };
        var sources = new List<SourceCheck>
        {
            new("complaints", 57, [], [], [], "trusted", "no duplicates, no outlying days"),
            new("operations", 90, [], [new MissingDay(new DateOnly(2026, 10, 3), "first_response_minutes/south")], [], "use_with_care", "1 daily figure missing"),
        };
        return review with { Complaints = complaints, Validation = review.Validation with { Sources = sources } };
    }

    [Fact]
    public void RenderHtml_Pareto_DrawsBarsAndTheCumulativeLineAsAnAccessibleSvg()
    {
        var html = ReviewHtml.Render(Sample, new HtmlReportOptions(null, null, new DateTime(2026, 11, 2, 8, 30, 0, DateTimeKind.Utc)));

        Assert.Empty(HtmlStructure.NestingErrors(html));
        var svg = Assert.Single(HtmlStructure.StartTags(html, "svg"));
        Assert.Contains("role=\"img\"", svg, StringComparison.Ordinal);
        Assert.Contains("aria-labelledby=\"pareto-title pareto-desc\"", svg, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"pareto-desc\">Complaints per category, most first, with the cumulative share: delay 21 (36.8%, cumulative 36.8%, vital few)", html, StringComparison.Ordinal);
        Assert.Equal(4, HtmlStructure.StartTags(html, "rect").Count);
        Assert.Single(HtmlStructure.StartTags(html, "polyline"));

        // The page's policy allows no style attributes: colours come from the inline style sheet's classes.
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.Contains("Delay, billing and staff make up 77.2% of complaints; 80% is reached only with the smaller categories counted together under other.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMarkdown_ComplaintPatterns_ShowsParetoTrendsResolutionAndRate()
    {
        var md = ReviewMarkdown.Render(Sample);

        // 57 complaints: delay 21 (36.8%), billing 14 (24.6%, cumulative 61.4%), staff 9 (15.8%, 77.2%), other 13 (22.8%, 100%).
        Assert.Contains("| delay | 21 | 36.8% | 36.8% | yes |", md, StringComparison.Ordinal);
        Assert.Contains("| staff | 9 | 15.8% | 77.2% | yes |", md, StringComparison.Ordinal);
        Assert.Contains("| other | 13 | 22.8% | 100.0% | yes |", md, StringComparison.Ordinal);
        Assert.Contains("| delay | 15 → 21 | +6 | 1.40× | 0.458 |", md, StringComparison.Ordinal);
        Assert.Contains("Of 51 resolved complaints, half took at most 26.5 hours and 9 in 10 at most 70 hours; 40 (78.4%) were resolved within the plan's standard of 48 hours.", md, StringComparison.Ordinal);
        Assert.Contains("11.9 complaints per 1,000 interactions (4,800 interactions in the cycle).", md, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMarkdown_SourceChecks_SaysHowFarEachSourceCanBeTrustedAndWhy()
    {
        var md = ReviewMarkdown.Render(Sample);

        Assert.Contains("- complaints: trusted — no duplicates, no outlying days", md, StringComparison.Ordinal);
        Assert.Contains("- operations: use with care — 1 daily figure missing\n  - first\\_response\\_minutes/south: no figure on 3 Oct 2026", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_ComplaintPatterns_WritesTheContractKeys()
    {
        var root = JsonNode.Parse(ReviewJson.Serialize(Sample, indented: false))!;
        var complaints = root["complaints"]!;

        Assert.Equal(["category", "count", "share", "cumulative_share", "vital_few"], Keys(complaints["pareto"]![0]!));
        Assert.Equal(["category", "cycles", "change", "p_value", "rate_ratio"], Keys(complaints["trends"]![0]!));
        Assert.Equal(["resolved", "median_hours", "p90_hours", "standard_hours", "within_standard", "within_standard_share"], Keys(complaints["resolution"]!));
        Assert.Equal(1000 * 57 / 4800.0, (double)complaints["per_thousand_interactions"]!, 0.1);
        Assert.Equal(["source", "records", "duplicates", "missing_days", "outliers", "trust", "reason"], Keys(root["validation"]!["sources"]![0]!));
    }

    [Fact]
    public void Deserialize_ReviewStoredBeforeComplaintPatterns_ReadsWithoutThem()
    {
        var root = JsonNode.Parse(ReviewJson.Serialize(Sample, indented: false))!.AsObject();
        var complaints = root["complaints"]!.AsObject();
        foreach (var key in new[] { "pareto", "trends", "resolution", "interactions", "per_thousand_interactions" })
        {
            complaints.Remove(key);
        }

        root["validation"]!.AsObject().Remove("sources");

        var read = ReviewJson.Deserialize(root.ToJsonString());

        Assert.Null(read.Complaints!.Pareto);
        Assert.Null(read.Validation.Sources);
        Assert.Contains("## Complaints", ReviewMarkdown.Render(read), StringComparison.Ordinal);
    }

    private static List<string> Keys(JsonNode node) => [.. node.AsObject().Select(p => p.Key)];
}
