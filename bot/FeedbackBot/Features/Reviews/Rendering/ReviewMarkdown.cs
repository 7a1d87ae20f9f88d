using System.Globalization;
using System.Text;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>
/// A review as a Markdown report a manager reads in chat, a wiki or a pull request: the KPIs against their targets
/// first, then how much data was usable, what goes well and badly, where sources disagree, what to do, and the
/// themes in comments. Figures withheld for privacy read "not enough data"; every text from data is escaped.
/// </summary>
public static class ReviewMarkdown
{
    /// <summary>Writes the report.</summary>
    public static string Render(Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var text = new ReviewText(review);
        var md = new StringBuilder();
        Title(md, review);
        Headline(md, text);
        Validation(md, review.Validation);
        Sources(md, review.Validation.Sources);
        Findings(md, text, "Strengths", review.Strengths, text.Empty("No strengths stand out in this cycle."));
        Findings(md, text, "Shortfalls", review.Shortfalls, text.Empty("Nothing falls short in this cycle."));
        Gaps(md, text);
        Recommendations(md, text);
        Drivers(md, text);
        Value(md, review.Value);
        Actions(md, text.Review.Actions);
        QualityMonitoring(md, review.QualityMonitoring);
        Themes(md, review.Themes);
        QuestionChanges(md, review);
        Distributions(md, review);
        Segments(md, text);
        Complaints(md, review.Complaints);
        ComplaintPatterns(md, review.Complaints);
        Methods(md, review);
        return md.ToString().TrimEnd() + "\n";
    }

    private static void Title(StringBuilder md, Review review)
    {
        md.Append("# Service review: ").AppendLine(MarkdownText.Escape(review.Plan.Name)).AppendLine();
        md.Append(CultureInfo.InvariantCulture, $"Plan {MarkdownText.Escape(review.Plan.Id)}, version {review.Plan.Version}. ")
            .Append("Cycle ").Append(ReviewText.Period(review.Cycle.Start, review.Cycle.End));
        if (review.Cycle.Previous is { } previous)
        {
            md.Append(", compared with ").Append(ReviewText.Period(previous.Start, previous.End));
        }

        md.AppendLine(".").AppendLine();
        if (review.Cycle.Provisional)
        {
            md.AppendLine("**Provisional:** the cycle was still open when this review was made; answers may still arrive and every figure may change.").AppendLine();
        }

        md.Append(CultureInfo.InvariantCulture, $"Groups smaller than {review.Plan.MinimumGroupSize} are not reported.").AppendLine().AppendLine();
    }

    private static void Headline(StringBuilder md, ReviewText text)
    {
        md.AppendLine("## Headline").AppendLine();
        if (text.Review.Metrics.Count == 0)
        {
            md.AppendLine("The plan has no KPIs.").AppendLine();
            return;
        }

        md.AppendLine("| KPI | Value | 95% interval | Target | Status | Gap | Change | p | n |");
        md.AppendLine("| --- | ---: | --- | --- | --- | ---: | ---: | ---: | ---: |");
        foreach (var kpi in text.Review.Metrics)
        {
            var change = (kpi.Change, kpi.Previous) switch
            {
                (not null, not null) => $"{text.Difference(kpi.Id, kpi.Change)} (from {text.Value(kpi.Id, kpi.Previous)})",
                (null, not null) => $"previous {text.Value(kpi.Id, kpi.Previous)}",
                _ => string.Empty,
            };
            Row(md,
                MarkdownText.Escape(ReviewText.Name(kpi)),
                text.Value(kpi.Id, kpi.Value),
                text.Interval(kpi.Id, kpi.Ci95),
                text.Target(kpi),
                ReviewText.Status(kpi.Status),
                text.Difference(kpi.Id, kpi.Gap),
                change,
                ReviewText.PValueFigure(kpi.PValue),
                kpi.N is { } n ? ReviewText.Count(n) : "–");
        }

        md.AppendLine();
        foreach (var kpi in text.Review.Metrics)
        {
            md.Append("- **").Append(MarkdownText.Escape(ReviewText.Name(kpi))).Append("**: ").AppendLine(MarkdownText.Escape(ReviewText.StatusSentence(kpi)));
        }

        md.AppendLine();
    }

    private static void Validation(StringBuilder md, ValidationReport validation)
    {
        md.AppendLine("## Data used").AppendLine();
        md.Append(CultureInfo.InvariantCulture, $"Usable {ReviewText.Count(validation.Usable)} of {ReviewText.Count(validation.Received)} received");
        md.AppendLine(validation.Received == 0 ? "." : $" ({ReviewText.Share(validation.Usable, validation.Received)}).").AppendLine();
        if (validation.Excluded.Count > 0)
        {
            md.AppendLine("| Excluded because | Responses |").AppendLine("| --- | ---: |");
            foreach (var (reason, count) in validation.Excluded)
            {
                Row(md, MarkdownText.Escape(ReviewText.ExclusionReason(reason)), ReviewText.Count(count));
            }

            md.AppendLine();
        }

        if (validation.StraightLiners > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"{ReviewText.Count(validation.StraightLiners)} responses gave the same answer to every scale question; ")
                .AppendLine(validation.StraightLinersExcluded ? "the plan excludes them." : "the plan keeps them.").AppendLine();
        }

        var representativeness = validation.Representativeness;
        md.AppendLine("### Representativeness").AppendLine();
        md.AppendLine(RepresentativenessText.Summary(representativeness)).AppendLine();
        if (representativeness.Segments.Count > 0)
        {
            md.AppendLine("| Segment | Population share | Sample share | Respondents |").AppendLine("| --- | ---: | ---: | ---: |");
            foreach (var share in representativeness.Segments)
            {
                Row(md,
                    MarkdownText.Escape(share.Segment),
                    ReviewText.Percent(share.ExpectedShare),
                    share.ObservedShare is { } observed ? ReviewText.Percent(observed) : ReviewText.NotEnoughData,
                    share.Respondents is { } respondents ? ReviewText.Count(respondents) : ReviewText.NotEnoughData);
            }

            md.AppendLine();
        }
    }

    private static void Findings(StringBuilder md, ReviewText text, string heading, IReadOnlyList<Finding> findings, string none)
    {
        md.Append("## ").AppendLine(heading).AppendLine();
        if (findings.Count == 0)
        {
            md.AppendLine(none).AppendLine();
            return;
        }

        foreach (var finding in findings)
        {
            md.Append("- **").Append(MarkdownText.Escape(finding.Title)).Append("** ").AppendLine(text.Evidence(finding.Evidence));
            Quotes(md, finding.Evidence.Quotes, "  ");
        }

        md.AppendLine();
    }

    private static void Gaps(StringBuilder md, ReviewText text)
    {
        md.AppendLine("## Gaps between sources").AppendLine();
        if (text.Review.Gaps.Count == 0)
        {
            md.AppendLine(text.Empty("The sources agree: no gaps found.")).AppendLine();
            return;
        }

        foreach (var gap in text.Review.Gaps)
        {
            var p = gap.PValue is null ? string.Empty : $", {ReviewText.PValue(gap.PValue)}";
            md.Append("- **").Append(MarkdownText.Escape(gap.Title)).Append("** ")
                .Append(CultureInfo.InvariantCulture, $"Difference {gap.Difference.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)} points on a 0–100 scale{p}.")
                .AppendLine();
            md.Append("  - ").AppendLine(text.Evidence(gap.First));
            md.Append("  - ").AppendLine(text.Evidence(gap.Second));
        }

        md.AppendLine();
    }

    private static void Actions(StringBuilder md, IReadOnlyList<ActionOutcome>? actions)
    {
        if (actions is null)
        {
            return;
        }

        md.AppendLine("## Improvement actions").AppendLine();
        md.AppendLine("What each action implemented before this cycle did to its KPI: the answers since it went live against those before it.").AppendLine();
        foreach (var action in actions)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- **Action {action.Id}: {MarkdownText.Escape(action.Title)}** ({MarkdownText.Escape(action.Kpi)}): " +
                $"{MarkdownText.Escape(ActionSentence(action))}");
        }

        md.AppendLine();
    }

    /// <summary>An action's outcome in one sentence: its figures and verdict.</summary>
    internal static string ActionSentence(ActionOutcome action) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Figure(action.Before)} before, {Figure(action.After)} since{(action.PValue is { } p ? $" (p = {p:0.###})" : "")}: {action.Verdict.Replace('_', ' ')}. {action.Explanation}");

    private static string Figure(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "no value";

    private static void Recommendations(StringBuilder md, ReviewText text)
    {
        md.AppendLine("## Recommendations").AppendLine();
        if (text.Review.Recommendations.Count == 0)
        {
            md.AppendLine(text.Empty("No recommendations: every KPI is on target and no theme stands out.")).AppendLine();
            return;
        }

        var number = 0;
        foreach (var recommendation in text.Review.Recommendations)
        {
            number++;
            md.Append(CultureInfo.InvariantCulture, $"### {number}. ").Append(MarkdownText.Escape(recommendation.Title))
                .Append(" (priority ").Append(MarkdownText.Escape(recommendation.Priority)).AppendLine(")").AppendLine();
            md.AppendLine(MarkdownText.Escape(recommendation.Action)).AppendLine();
            md.Append("- Evidence: ").AppendLine(text.Evidence(recommendation.Evidence));
            md.Append("- Owner: ").AppendLine(MarkdownText.Escape(recommendation.OwnerRole));
            md.Append("- Success criterion: ").AppendLine(MarkdownText.Escape(recommendation.SuccessCriterion));
            md.Append("- Review by: ").AppendLine(ReviewText.Day(recommendation.ReviewBy));
            if (recommendation.ActedOn is { } actedOn)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- Already being acted on: action {actedOn.Action} ({MarkdownText.Escape(actedOn.Status.Replace('_', ' '))})");
            }

            if (recommendation.Driver is { } driver)
            {
                md.Append("- Raised: ").AppendLine(MarkdownText.Escape(DriversText.Raised(text.Review, driver)));
            }

            if (recommendation.ValueIfMet is { } worth && text.Review.Value is { } value)
            {
                md.Append("- Worth: ").AppendLine(MarkdownText.Escape(ValueText.IfMet(value.Currency, worth)));
            }

            md.AppendLine();
            if (recommendation.Evidence.Quotes.Count > 0)
            {
                Quotes(md, recommendation.Evidence.Quotes, string.Empty);
                md.AppendLine();
            }
        }
    }

    private static void Value(StringBuilder md, ValueAtStake? value)
    {
        if (value is null)
        {
            return;
        }

        md.Append("## ").AppendLine(ValueText.Heading).AppendLine();
        md.AppendLine(ValueText.Introduction).AppendLine();
        var lines = ValueText.Lines(value);
        if (lines.Count == 0)
        {
            md.AppendLine(ValueText.NoFigures).AppendLine();
            return;
        }

        TableHead(md, ["Figure", "Amount", "Worked out as"]);
        foreach (var (name, amount, formula) in lines)
        {
            Row(md, name, MarkdownText.Escape(amount), formula);
        }

        md.AppendLine();
    }

    private static void Methods(StringBuilder md, Review review)
    {
        md.Append("## ").AppendLine(ReviewMethods.Heading).AppendLine();
        md.AppendLine(ReviewMethods.Introduction).AppendLine();
        foreach (var method in ReviewMethods.For(review))
        {
            md.Append("- **").Append(method.Figures).Append(":** ").Append(method.Method).Append(' ').Append(method.Why)
                .Append(" Limits: ").AppendLine(method.Limits);
        }

        md.AppendLine();
    }

    private static void Drivers(StringBuilder md, ReviewText text)
    {
        if (text.Review.Drivers is not { } drivers)
        {
            return;
        }

        md.Append("## ").AppendLine(MarkdownText.Escape(DriversText.Heading(text, drivers))).AppendLine();
        md.AppendLine(MarkdownText.Escape(DriversText.Introduction(text, drivers))).AppendLine();
        TableHead(md, DriversText.Columns);
        foreach (var item in drivers.Items)
        {
            Row(md, [.. DriversText.Row(text.Review, item).Select(MarkdownText.Escape)]);
        }

        md.AppendLine().AppendLine(MarkdownText.Escape(DriversText.Splits(drivers) + " " + DriversText.Caution)).AppendLine();
    }

    private static void QualityMonitoring(StringBuilder md, QualityMonitoring? quality)
    {
        if (quality is null)
        {
            return;
        }

        md.AppendLine("## Quality monitoring").AppendLine();
        md.AppendLine(MarkdownText.Escape(QualityMonitoringText.Introduction)).AppendLine();
        md.AppendLine(MarkdownText.Escape(QualityMonitoringText.Totals(quality))).AppendLine();
        if (quality.Features.Count > 0)
        {
            TableHead(md, QualityMonitoringText.FeatureColumns);
            foreach (var feature in quality.Features)
            {
                Row(md, [.. QualityMonitoringText.FeatureRow(feature).Select(MarkdownText.Escape)]);
            }

            md.AppendLine().AppendLine(MarkdownText.Escape(QualityMonitoringText.GapNote)).AppendLine();
        }

        if (quality.FailedCriteria.Count > 0)
        {
            md.AppendLine("### Most-failed criteria").AppendLine();
            TableHead(md, QualityMonitoringText.CriterionColumns);
            foreach (var criterion in quality.FailedCriteria)
            {
                Row(md, [.. QualityMonitoringText.CriterionRow(criterion).Select(MarkdownText.Escape)]);
            }

            md.AppendLine().AppendLine(MarkdownText.Escape(QualityMonitoringText.CriteriaNote)).AppendLine();
        }
    }

    // Headings starting with # are columns of figures, aligned right.
    private static void TableHead(StringBuilder md, string[] columns)
    {
        Row(md, [.. columns.Select(c => MarkdownText.Escape(c.TrimStart('#')))]);
        Row(md, [.. columns.Select(c => c.StartsWith('#') ? "---:" : "---")]);
    }

    private static void Themes(StringBuilder md, ThemeReport themes)
    {
        md.AppendLine("## Themes in comments").AppendLine();
        md.Append(CultureInfo.InvariantCulture, $"{ReviewText.Count(themes.TotalComments)} comments read, {ReviewText.Count(themes.Uncoded)} matched no theme.").AppendLine().AppendLine();
        if (themes.Items.Count == 0)
        {
            return;
        }

        md.AppendLine("| Theme | Mentions | Share | Negative | Neutral | Positive | Change |").AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var theme in themes.Items)
        {
            if (theme.Suppressed || theme.Count is null)
            {
                Row(md, MarkdownText.Escape(theme.Label), ReviewText.NotEnoughData, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
                continue;
            }

            Row(md,
                MarkdownText.Escape(theme.Label),
                ReviewText.Count(theme.Count.Value),
                theme.Percent is { } percent ? ReviewText.Percent(percent) : string.Empty,
                Optional(theme.Negative),
                Optional(theme.Neutral),
                Optional(theme.Positive),
                theme.Change is { } change ? ReviewText.CountChange(change) : string.Empty);
        }

        md.AppendLine();
        foreach (var theme in themes.Items.Where(t => !t.Suppressed && t.Quotes.Count > 0))
        {
            md.Append("**").Append(MarkdownText.Escape(theme.Label)).AppendLine("**").AppendLine();
            Quotes(md, theme.Quotes, string.Empty);
            md.AppendLine();
        }
    }

    private static void QuestionChanges(StringBuilder md, Review review)
    {
        if (review.QuestionChanges is not { Count: > 0 } changes)
        {
            return;
        }

        md.AppendLine("## Change on the previous cycle, per question").AppendLine();
        md.AppendLine(QuestionChangeText.Introduction).AppendLine();
        md.Append("| ").AppendJoin(" | ", QuestionChangeText.Headings).AppendLine(" |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var change in changes)
        {
            Row(md, [.. QuestionChangeText.Cells(review, change).Select(MarkdownText.Escape)]);
        }

        md.AppendLine();
    }

    private static void Distributions(StringBuilder md, Review review)
    {
        if (review.Distributions.Count == 0)
        {
            return;
        }

        md.AppendLine("## Answers per question").AppendLine();
        foreach (var question in review.Distributions)
        {
            md.Append("**").Append(MarkdownText.Escape(question.Text)).Append("** ");
            if (question.Suppressed)
            {
                md.Append(CultureInfo.InvariantCulture, $"{ReviewText.Capitalise(ReviewText.NotEnoughData)} (fewer than {review.Plan.MinimumGroupSize} answers).").AppendLine().AppendLine();
                continue;
            }

            md.Append(CultureInfo.InvariantCulture, $"({ReviewText.Count(question.N)} answers): ")
                .AppendJoin(", ", question.Counts.Select(c => $"{MarkdownText.Escape(ReviewText.Answer(c))}: {ReviewText.Count(c.Count)} ({ReviewText.Percent(c.Percent)})"))
                .AppendLine().AppendLine();
        }
    }

    private static void Segments(StringBuilder md, ReviewText text)
    {
        if (text.Review.Segments.Count == 0)
        {
            return;
        }

        md.AppendLine("## Segments").AppendLine();
        md.AppendLine("| KPI | Segment | Value | 95% interval | Status | n |").AppendLine("| --- | --- | ---: | --- | --- | ---: |");
        foreach (var segment in text.Review.Segments)
        {
            var name = text.Kpi(segment.Kpi) is { } kpi ? ReviewText.Name(kpi) : segment.Kpi;
            Row(md,
                MarkdownText.Escape(name),
                MarkdownText.Escape(segment.Segment),
                text.Value(segment.Kpi, segment.Value),
                text.Interval(segment.Kpi, segment.Ci95),
                ReviewText.Status(segment.Status),
                segment.N is { } n ? ReviewText.Count(n) : string.Empty);
        }

        md.AppendLine();
    }

    private static void Complaints(StringBuilder md, ComplaintReport? complaints)
    {
        if (complaints is null)
        {
            return;
        }

        md.AppendLine("## Complaints").AppendLine();
        md.Append(CultureInfo.InvariantCulture, $"{ReviewText.Count(complaints.Total)} complaints received");
        if (complaints.Previous is { } previous)
        {
            md.Append(CultureInfo.InvariantCulture, $" ({ReviewText.CountChange(complaints.Change ?? (complaints.Total - previous))} on the previous cycle's {ReviewText.Count(previous)})");
        }

        md.Append(CultureInfo.InvariantCulture, $", {ReviewText.Count(complaints.Unresolved)} not yet resolved");
        if (complaints.MedianHoursToResolve is { } hours)
        {
            md.Append(CultureInfo.InvariantCulture, $"; median time to resolve {hours.ToString("0.#", CultureInfo.InvariantCulture)} hours");
        }

        md.AppendLine(".").AppendLine();
        if (complaints.ByCategory.Count > 0)
        {
            md.AppendLine("| Category | Complaints | Change |").AppendLine("| --- | ---: | ---: |");
            foreach (var category in complaints.ByCategory)
            {
                Row(md, MarkdownText.Escape(category.Category), ReviewText.Count(category.Count), category.Change is { } change ? ReviewText.CountChange(change) : string.Empty);
            }

            md.AppendLine();
        }
    }

    private static void ComplaintPatterns(StringBuilder md, ComplaintReport? complaints)
    {
        if (complaints is null)
        {
            return;
        }

        if (complaints.Pareto is { Count: > 0 } pareto)
        {
            md.AppendLine("### Pareto of categories").AppendLine();
            md.AppendLine("| Category | Complaints | Share | Cumulative share | Vital few |").AppendLine("| --- | ---: | ---: | ---: | --- |");
            foreach (var category in pareto)
            {
                Row(md, MarkdownText.Escape(category.Category), ReviewText.Count(category.Count), ReviewText.Percent(category.Share),
                    ReviewText.Percent(category.CumulativeShare), category.VitalFew ? "yes" : string.Empty);
            }

            md.AppendLine().AppendLine(MarkdownText.Escape(ComplaintPatternText.VitalFew(pareto))).AppendLine();
        }

        if (complaints.Trends is { Count: > 0 } trends && trends[0].Cycles.Count > 1)
        {
            md.AppendLine("### Categories over the cycles").AppendLine();
            md.Append("Complaints per cycle, ").Append(ComplaintPatternText.Cycles(trends))
                .AppendLine("; p tests the change in complaints per day on the previous cycle (exact Poisson rate test).").AppendLine();
            md.AppendLine("| Category | Per cycle | Change | Rate ratio | p |").AppendLine("| --- | --- | ---: | ---: | ---: |");
            foreach (var trend in trends)
            {
                Row(md, MarkdownText.Escape(trend.Category), ComplaintPatternText.Counts(trend),
                    trend.Change is { } change ? ReviewText.CountChange(change) : string.Empty,
                    ComplaintPatternText.RateRatio(trend.RateRatio), ReviewText.PValueFigure(trend.PValue));
            }

            md.AppendLine();
        }

        if (complaints.Resolution is { } resolution)
        {
            md.AppendLine(ComplaintPatternText.Resolution(resolution)).AppendLine();
        }

        if (ComplaintPatternText.PerThousand(complaints) is { } rate)
        {
            md.AppendLine(rate).AppendLine();
        }
    }

    private static void Sources(StringBuilder md, IReadOnlyList<SourceCheck>? sources)
    {
        if (sources is not { Count: > 0 })
        {
            return;
        }

        md.AppendLine("### Imported sources").AppendLine();
        foreach (var source in sources)
        {
            md.Append("- ").AppendLine(MarkdownText.Escape(ComplaintPatternText.Verdict(source)));
            foreach (var detail in ComplaintPatternText.Details(source))
            {
                md.Append("  - ").AppendLine(MarkdownText.Escape(detail));
            }
        }

        md.AppendLine();
    }

    private static void Quotes(StringBuilder md, IReadOnlyList<string> quotes, string indent)
    {
        // One block quote with a paragraph per quote: consecutive "> " lines would run together into one paragraph.
        for (var i = 0; i < quotes.Count; i++)
        {
            if (i > 0)
            {
                md.Append(indent).AppendLine(">");
            }

            md.Append(indent).Append("> ").AppendLine(MarkdownText.Escape(quotes[i]));
        }
    }

    private static string Optional(int? value) => value is { } v ? ReviewText.Count(v) : string.Empty;

    private static void Row(StringBuilder md, params string[] cells) =>
        md.Append("| ").AppendJoin(" | ", cells).AppendLine(" |");
}
