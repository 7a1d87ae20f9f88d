using FeedbackBot.Core.Reviews;
using FeedbackBot.Features.Reviews.Rendering;

namespace FeedbackBot.Tests.Features.Reviews.Rendering;

/// <summary>Each question's change on the previous cycle, as a table in the Markdown and HTML reports.</summary>
public sealed class QuestionChangeRenderingTests
{
    private static readonly Review Sample = SampleReviews.Realistic() with
    {
        QuestionChanges =
        [
            new QuestionChange("overall_satisfaction", 4.21, 398, 4.02, 0.19, 0.0123, 0.174),
            new QuestionChange("resolved_first_time", 71.4, 405, 75.0, -3.6, 0.2561, -0.081),
        ],
    };

    private static readonly HtmlReportOptions Options = new(null, null, SampleReviews.Utc(2026, 11, 2));

    [Fact]
    public void RenderMarkdown_QuestionChanges_IsATableWithMeansAndSharesOfYes()
    {
        var markdown = ReviewMarkdown.Render(Sample);

        Assert.Contains("## Change on the previous cycle, per question", markdown, StringComparison.Ordinal);
        Assert.Contains("| How satisfied were you with our support? | 4.21 | 4.02 | +0.19 | 0.012 | d = 0.17 | 398 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Was your issue resolved the first time you contacted us? | 71.4% yes | 75.0% yes | -3.6 pts | 0.256 | h = -0.08 | 405 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderHtml_QuestionChanges_IsATableInItsOwnSectionLinkedFromTheNavigation()
    {
        var html = ReviewHtml.Render(Sample, Options);

        Assert.Contains("<section id=\"changes\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#changes\"", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">How satisfied were you with our support?</th><td class=\"num\">4.21</td>", html, StringComparison.Ordinal);
        Assert.Empty(HtmlStructure.NestingErrors(html));
    }

    [Fact]
    public void Render_ReviewWithoutQuestionChanges_HasNoChangesSection()
    {
        var old = Sample with { QuestionChanges = null };

        Assert.DoesNotContain("<section id=\"changes\"", ReviewHtml.Render(old, Options), StringComparison.Ordinal);
        Assert.DoesNotContain("## Change on the previous cycle", ReviewMarkdown.Render(old), StringComparison.Ordinal);
    }
}
