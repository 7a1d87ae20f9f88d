using FeedbackBot.Core.Reviews;
using FeedbackBot.Features.Reviews.Rendering;

namespace FeedbackBot.Tests.Features.Reviews.Rendering;

public sealed class ReviewMarkdownTests
{
    private static readonly Review Sample = SampleReviews.Realistic();
    private static readonly string Markdown = ReviewMarkdown.Render(Sample);

    [Fact]
    public void Render_CycleWithNoData_SaysSoInsteadOfFindingNothingWrong()
    {
        var empty = Sample with
        {
            Validation = Sample.Validation with { Received = 0, Usable = 0, Excluded = new Dictionary<string, int>() },
            Metrics = [.. Sample.Metrics.Select(m => m with { Value = null, N = null, Ci95 = null, Status = KpiStatus.NotEnoughData })],
            Themes = new ThemeReport(0, 0, []),
            Complaints = null,
            Strengths = [],
            Shortfalls = [],
            Gaps = [],
            Recommendations = [],
        };

        var markdown = ReviewMarkdown.Render(empty);
        var html = ReviewHtml.Render(empty, new HtmlReportOptions(null, null, SampleReviews.Utc(2026, 11, 2)));

        Assert.DoesNotContain("no gaps found", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("every KPI is on target", markdown, StringComparison.Ordinal);
        Assert.Contains("## Gaps between sources\n\nNo data: this cycle has no usable responses", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("no gaps found", html, StringComparison.Ordinal);
        Assert.Contains("No data: this cycle has no usable responses", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_KpiNamedByTheReview_UsesThatNameAndItsStatusSentence()
    {
        var nps = Sample.Metrics.Single(m => m.Metric == "nps") with { Name = "eNPS", StatusText = "+31 is above the target of +30, but with these 401 answers it could still be below it: at risk." };
        var markdown = ReviewMarkdown.Render(Sample with { Metrics = [nps] });

        Assert.Contains("| eNPS | +31 |", markdown, StringComparison.Ordinal);
        Assert.Contains("- **eNPS**: +31 is above the target of +30, but with these 401 answers it could still be below it: at risk.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Title_NamesThePlanAndTheCycles()
    {
        Assert.StartsWith("# Service review: Customer experience: support desk\n", Markdown, StringComparison.Ordinal);
        Assert.Contains("Plan customer-experience, version 3. Cycle 1 Oct 2026 – 31 Oct 2026, compared with 1 Sep 2026 – 30 Sep 2026.", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Headline_ShowsEachKpiWithValueIntervalTargetStatusGapChangeAndP()
    {
        Assert.Contains("| KPI | Value | 95% interval | Target | Status | Gap | Change | p | n |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| CSAT | 84.2% | 80.6–87.8% | ≥ 80.0% | Met | +4.2 pts | +3.2 pts (from 81.0%) | 0.210 | 398 |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| NPS | +31 | +24–+38 | ≥ +30 | At risk | +1 | -4 (from +35) | 0.380 | 401 |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| CES | 3.42 | 3.28–3.56 | ≤ 3.00 | Missed | -0.42 | +0.21 (from 3.21) | 0.031 | 377 |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| Average handling time | 412.5 |  | ≤ 420.0 | Met | +7.5 | -23.5 (from 436.0) |  | 31 |", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_KpiWithoutData_SaysNotEnoughDataAndWhy()
    {
        Assert.Contains("| Mean wait time rating | not enough data |  | ≥ 3.50 | Not enough data |  | previous 3.40 |  | 3 |", Markdown, StringComparison.Ordinal);
        Assert.Contains("- **Mean wait time rating**: Only 3 answers; at least 5 are needed.", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Validation_ShowsUsableOfReceivedAndEachExclusionReason()
    {
        Assert.Contains("Usable 412 of 468 received (88.0%).", Markdown, StringComparison.Ordinal);
        Assert.Contains("| Incomplete | 21 |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| Answered too fast | 14 |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| Duplicate | 9 |", Markdown, StringComparison.Ordinal);
        Assert.Contains("7 responses gave the same answer to every scale question; the plan excludes them.", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Representativeness_GivesTheVerdictAndTheSegmentMix()
    {
        Assert.Contains("The sample's segment mix is consistent with the population's (chi-square 1.92, df 2, p = 0.383).", Markdown, StringComparison.Ordinal);
        Assert.Contains("| enterprise | 30.0% | 33.5% | 138 |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| public\\_sector | 2.0% | not enough data | not enough data |", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FindingsAndGaps_CarryTheirEvidence()
    {
        Assert.Contains("- **Getting help takes more effort than the standard allows** CES 3.42 (95% interval 3.28–3.56, n = 377); target ≤ 3.00; previous 3.21, change +0.21 (p = 0.031)", Markdown, StringComparison.Ordinal);
        Assert.Contains("## Strengths", Markdown, StringComparison.Ordinal);
        Assert.Contains("**Staff rate responsiveness higher than customers do** Difference -15.5 points on a 0–100 scale, p = 0.002.", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Recommendations_ShowPriorityEvidenceOwnerCriterionAndReviewDate()
    {
        Assert.Contains("### 1. Cut the time customers wait for a response (priority high)", Markdown, StringComparison.Ordinal);
        Assert.Contains("- Owner: service delivery manager", Markdown, StringComparison.Ordinal);
        Assert.Contains("- Success criterion: CES at or below 3.0 with its whole 95% interval", Markdown, StringComparison.Ordinal);
        Assert.Contains("- Review by: 1 Dec 2026", Markdown, StringComparison.Ordinal);
        Assert.Contains("### 3. Raise the response rate so results can be trusted (priority low)", Markdown, StringComparison.Ordinal);
        Assert.Contains("- Evidence: Response rate 23.6% (95% interval 21.6–25.6%, n = 1,746); target ≥ 25.0%", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Themes_ShowCountsAndQuotesAndWithholdSuppressedOnes()
    {
        Assert.Contains("236 comments read, 31 matched no theme.", Markdown, StringComparison.Ordinal);
        Assert.Contains("| Waiting time | 64 | 31.2% | 49 | 9 | 6 | +12 |", Markdown, StringComparison.Ordinal);
        Assert.Contains("| Prices \\& \\<charges\\> | not enough data |", Markdown, StringComparison.Ordinal);
        Assert.Contains("nobody called back\n>\n> Forty minutes on hold before anyone answered.\n>\n> The callback", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SuppressedQuestionAndSegment_SayNotEnoughData()
    {
        Assert.Contains("**How do you rate the time you waited?** Not enough data (fewer than 5 answers).", Markdown, StringComparison.Ordinal);
        Assert.Contains("| CSAT | public\\_sector | not enough data |  | Not enough data |  |", Markdown, StringComparison.Ordinal);
        Assert.Contains("**How satisfied were you with our support?** (398 answers): 1: 14 (3.5%), 2: 17 (4.3%)", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileText_IsEscapedSoItStaysText()
    {
        Assert.Contains("> \\<script\\>alert(1)\\</script\\> I waited \"forever\" \\& nobody called back", Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", Markdown, StringComparison.Ordinal);
        Assert.Contains("| CES | =HYPERLINK(\"http://evil.example\",\"click\") |", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Complaints_SummariseTotalsAndCategories()
    {
        Assert.Contains("57 complaints received (+8 on the previous cycle's 49), 6 not yet resolved; median time to resolve 26.5 hours.", Markdown, StringComparison.Ordinal);
        Assert.Contains("| staff | 9 | -2 |", Markdown, StringComparison.Ordinal);
    }
}
