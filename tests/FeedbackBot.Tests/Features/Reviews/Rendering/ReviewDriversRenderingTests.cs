using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Features.Reviews.Rendering;

namespace FeedbackBot.Tests.Features.Reviews.Rendering;

/// <summary>The "What drives ..." section: drawn when a review has drivers, absent (and absent from the JSON) when not.</summary>
public sealed class ReviewDriversRenderingTests
{
    private static readonly HtmlReportOptions Options = new(null, null, new DateTime(2026, 11, 2, 8, 30, 0, DateTimeKind.Utc));

    private static Review WithDrivers() => SampleReviews.Realistic() with
    {
        Drivers = new Drivers("nps", "recommend", 0.4, 60,
        [
            new DriverItem("effort", "effort", 0.52, [0.44, 0.59], 370, 35.3, DriverQuadrants.ActFirst),
            new DriverItem("overall_satisfaction", "overall", 0.4, [0.31, 0.48], 390, 84.1, DriverQuadrants.KeepUp),
            new DriverItem("unknown_q", null, -0.1, null, 3, 90, DriverQuadrants.PossibleOverkill),
        ]),
    };

    [Fact]
    public void Render_ReviewWithoutDrivers_HasNoDriversSectionOrKey()
    {
        var review = SampleReviews.Realistic();

        Assert.DoesNotContain("What drives", ReviewMarkdown.Render(review), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"drivers\"", ReviewHtml.Render(review, Options), StringComparison.Ordinal);
        Assert.DoesNotContain("\"drivers\"", ReviewJson.Serialize(review, indented: false), StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMarkdown_ReviewWithDrivers_TablesEachQuestionWithItsQuadrant()
    {
        var md = ReviewMarkdown.Render(WithDrivers());

        Assert.Contains("## What drives NPS", md, StringComparison.Ordinal);
        Assert.Contains("| How easy was it to get your issue handled? | effort | +0.52 | +0.44 to +0.59 | 35.3% | 370 | Act first |", md, StringComparison.Ordinal);
        Assert.Contains("| unknown\\_q | – | −0.10 | – | 90.0% | 3 | Possible overkill |", md, StringComparison.Ordinal);
        Assert.Contains("correlation shows what goes together, not what causes what", md, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderHtml_ReviewWithDrivers_DrawsTheMatrixWithATextAlternativeAndNamedQuadrants()
    {
        var html = ReviewHtml.Render(WithDrivers(), Options);

        Assert.Contains("<a href=\"#drivers\">Drivers</a>", html, StringComparison.Ordinal);
        Assert.Contains("aria-labelledby=\"drivers-matrix-title drivers-matrix-desc\"", html, StringComparison.Ordinal);
        Assert.Contains("1. How easy was it to get your issue handled?: importance ", html, StringComparison.Ordinal);
        Assert.Contains("0.52, 35.3% favourable, act first; 2. ", html, StringComparison.Ordinal);
        foreach (var quadrant in new[] { "Act first: where to act first", "Keep up", "Low priority", "Possible overkill" })
        {
            Assert.Contains($"\">{quadrant}</text>", html, StringComparison.Ordinal);
        }

        // Nothing in the drawing is styled inline: the page's policy would block it.
        var svg = html[html.IndexOf("<svg", StringComparison.Ordinal)..(html.IndexOf("</svg>", StringComparison.Ordinal) + 6)];
        Assert.DoesNotContain("style=", svg, StringComparison.Ordinal);
    }
}
