using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>
/// The methods appendix of a report: for each kind of figure the review has, the method that produced it, why it fits
/// that kind of data, and its limits. Only what the review contains is listed, so a reader is never told about
/// figures they cannot see. docs/statistics.md has the formulas.
/// </summary>
internal static class ReviewMethods
{
    public const string Heading = "How the figures were made";

    public const string Introduction =
        "Which method produced each kind of figure in this report, why it suits the data, and what it cannot tell you. " +
        "Intervals are 95% and tests two-sided; the formulas are in the bot's docs/statistics.md.";

    /// <summary>One kind of figure and how it was made.</summary>
    /// <param name="Figures">The figures it covers.</param>
    /// <param name="Method">The method.</param>
    /// <param name="Why">Why it fits the data.</param>
    /// <param name="Limits">What it cannot tell.</param>
    public sealed record Entry(string Figures, string Method, string Why, string Limits);

    public static IReadOnlyList<Entry> For(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var metrics = review.Metrics.Select(m => MetricNames.Parse(m.Metric)).ToHashSet();
        var entries = new List<Entry>
        {
            new(
                "Data used",
                "Responses answered faster than the plan's minimum seconds per question, or with the same answer to every scale question, are set aside; the usable sample's mix by segment is compared with the population's by a chi-square goodness-of-fit test.",
                "Speeding and straight-lining are the usual signs of answers given without reading; a mix far from the population's means some groups speak louder than others.",
                "Everyone who answered chose to: people who do not answer may feel differently (self-selection), and no weighting corrects for it here. A representative mix by segment does not prove a representative sample in other respects."),
        };

        if (metrics.Overlaps([Core.Plans.KpiMetric.Csat, Core.Plans.KpiMetric.Fcr, Core.Plans.KpiMetric.Agree, Core.Plans.KpiMetric.ResponseRate]))
        {
            entries.Add(new(
                "Shares (CSAT, first-contact resolution, % agree, response rate)",
                "The share of answers counting as a success (4 or 5 out of 5, yes, agree) with a Wilson score interval.",
                "Each answer is a yes or no, so the count is binomial; the Wilson interval stays inside 0–100% and keeps a sensible width for small samples and shares near either end.",
                "It measures the people who answered, not everyone served. With under about 30 answers the interval is wide and a target can be neither met nor missed with confidence."));
        }

        if (metrics.Contains(Core.Plans.KpiMetric.Nps))
        {
            entries.Add(new(
                "NPS",
                "Promoters (9–10) minus detractors (0–6) as a percentage of answers, with a standard error treating each answer as +1, 0 or −1.",
                "It is the usual definition, so the figure compares with published benchmarks; the standard error follows from the three groups' shares.",
                "It discards the middle of the scale and moves by whole answers, so small samples swing widely: read the interval before the point."));
        }

        if (metrics.Overlaps([Core.Plans.KpiMetric.Ces, Core.Plans.KpiMetric.Mean, Core.Plans.KpiMetric.Operational]))
        {
            entries.Add(new(
                "Means (effort, scale averages, operational figures)",
                "The arithmetic mean with a Student t interval.",
                "The t interval allows for a standard deviation estimated from the same sample.",
                "Averaging treats the steps of a scale as equal distances; with few answers and lopsided scales the interval is approximate."));
        }

        if (review.Cycle.Previous is not null)
        {
            entries.Add(new(
                "Changes on the previous cycle",
                "A two-proportion z test for shares, a z test on the two standard errors for NPS and Welch's t test for means, each with an effect size (Cohen's h, points of NPS, Cohen's d).",
                "Each test fits its kind of figure, and Welch's test does not assume the two cycles vary alike; the effect size says whether a significant change is large enough to matter.",
                "At p < 0.05 one test in twenty flags a change that is chance; with many figures some will. A change is not evidence of what caused it."));
        }

        if (review.QuestionChanges is { Count: > 0 })
        {
            entries.Add(new(
                "Each question's change",
                "Every scale question's mean compared with the previous cycle by Welch's t test (Cohen's d), and every yes/no question's share by a two-proportion z test (Cohen's h), as the KPI trends are.",
                "Questions without a KPI still show where the service moved.",
                "With many questions compared at once, some changes at p < 0.05 are chance; a question answered by fewer people than the minimum group size in either cycle is left out."));
        }

        if (review.Strengths.Count > 0)
        {
            entries.Add(new(
                "Strengths",
                "A KPI met with its whole interval past the target, a question that improved significantly, a question or feature whose top-box share reaches the plan's strength threshold, a theme whose comments are overwhelmingly positive (at least 10, 80% positive, the interval's lower end above half), and praise logged by staff.",
                "What works is worth keeping as deliberately as what fails is worth fixing, and each strength cites the figures it rests on.",
                "Logged praise comes from the customers who chose to give it to a member of staff, and a threshold says a score is high, not that it cannot fall."));
        }

        entries.Add(new(
            "Status against targets",
            "Met when the whole interval is on the good side of the target, missed when it is wholly on the bad side, at risk when the interval straddles it.",
            "It keeps a difference the sample cannot distinguish from the target from reading as a verdict.",
            "With wide intervals many KPIs stay at risk; more answers, not a different rule, settle them."));

        if (review.Segments.Count > 0 || review.Distributions.Any(d => d.Suppressed))
        {
            entries.Add(new(
                "Segments and small groups",
                $"Figures per segment are shown only for groups of at least {review.Plan.MinimumGroupSize} answers; smaller ones are withheld.",
                "Below that size answers could point to the people who gave them.",
                "Differences within small groups cannot be seen here at all."));
        }

        if (review.Themes.TotalComments > 0)
        {
            entries.Add(new(
                "Themes in comments",
                "Each comment is coded to themes by keyword lists (the default taxonomy and the plan's own themes), and its tone by word lists; quotes are masked for personal data.",
                "It is repeatable and needs no data to leave the bot.",
                "Keywords miss sarcasm and unusual wording and can code a comment wrongly; a theme's share counts comments, not customers."));
        }

        if (review.Gaps.Count > 0)
        {
            entries.Add(new(
                "Gaps between sources",
                "The same feature's share of favourable answers compared across sources (staff and customers, complaints and survey comments, QA and customers) with a two-proportion test.",
                "Two views of the same thing disagreeing is often where the service is misjudged.",
                "The sources answer different questions about the feature, so part of any gap is wording rather than experience."));
        }

        if (review.Complaints is not null)
        {
            entries.Add(new(
                "Complaints",
                "Counts per category and week from the complaints log; a Pareto of categories, most first, with the vital few that make up 80%; each category's rate per day against earlier cycles by an exact Poisson rate test; resolution times as the median and 90th percentile against the plan's standard.",
                "Complaints are counted, not sampled, so the counts are exact for what was logged; the Pareto shows where most of the volume comes from, and a rate test suits counts over time.",
                "Only customers who chose to complain are in it, and a fall can mean fewer complaints logged rather than fewer problems. The vital few are the largest categories, not necessarily the most harmful."));
        }

        if (review.Validation.Sources is { Count: > 0 })
        {
            entries.Add(new(
                "Imported sources",
                "The complaints and operational imports are checked for duplicates, days missing from daily figures, and outlying days by a robust z on the median absolute deviation (above 3.5) over this and earlier cycles; each source is then trusted, used with care, or not trusted.",
                "The median and its absolute deviation are not pulled about by the outliers they look for, as a mean and standard deviation would be.",
                "A check finds what looks wrong, not why: an outlying day may be a real event, and a source with no findings can still be wrong in ways the checks cannot see."));
        }

        if (review.QualityMonitoring is not null)
        {
            entries.Add(new(
                "Quality monitoring",
                "Scorecard pass rates at team level with Wilson intervals, set beside the customers' own ratings of the same feature.",
                "Evaluations are yes or no against a pass mark, so they are shares like CSAT.",
                "Evaluators differ (the calibration report measures how much), and the interactions scored may not be a random sample of all of them."));
        }

        if (review.Drivers is { Items.Count: > 0 })
        {
            entries.Add(new(
                "Drivers of the outcome",
                "Spearman's rank correlation of each scale question with the outcome question over the respondents who answered both, with a Fisher z interval; importance is the correlation, performance the share of favourable answers, split at the medians.",
                "Ranks suit ordered scales whose steps are not equal distances, and the matrix shows where a question that goes with the outcome is also done poorly.",
                "Correlation is not cause: people happy overall rate everything higher, and a third thing can move both. The quadrants are relative to the other questions, not to a standard."));
        }

        if (review.Value is not null)
        {
            entries.Add(new(
                ValueText.Heading,
                "The plan's amounts multiplied by the cycle's figures: revenue at risk is customers × detractor share × detractor churn × revenue per customer; complaints cost the complaints × cost per complaint; repeat contacts cost customers × (1 − first-contact resolution) × cost per contact.",
                "It turns the gaps into the terms a budget is argued in.",
                "The amounts and churn rates are the plan's assumptions and rarely measured locally; the intervals carry only the survey's uncertainty."));
        }

        if (review.Recommendations.Count > 0)
        {
            entries.Add(new(
                "Recommendations",
                "Rules over the findings: each shortfall, gap or prominent theme gives advice, ranked by the size of the gap weighted by how many customers it reaches.",
                "It puts the largest evidenced problems first and names the figure that will show whether acting on them worked.",
                "Correlation is not cause: a figure moving with another does not show that acting on one will move the other. The advice is a starting point for the people who know the service."));
        }

        if (review.Actions is { Count: > 0 })
        {
            entries.Add(new(
                "Improvement actions",
                "The KPI's answers before and after the action went live, each window pooled over its cycles and compared with the same test as the trends; too few answers to have seen the planned change reads inconclusive.",
                "Pooling cycles gives the test the answers one cycle lacks.",
                "Anything else that changed in the same weeks moves the KPI too; a before and after comparison cannot separate the action from it."));
        }

        return entries;
    }
}
