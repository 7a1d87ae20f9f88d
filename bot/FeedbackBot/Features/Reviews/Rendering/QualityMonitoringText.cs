using System.Globalization;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>The quality monitoring section in words and table cells, shared by the Markdown and HTML reports.</summary>
internal static class QualityMonitoringText
{
    /// <summary>What the section's figures are and are not: team-level, never one person's.</summary>
    public const string Introduction =
        "What QA evaluations of this cycle's interactions found, beside what customers said about the same features. Team-level figures only: no one's own evaluations are shown.";

    /// <summary>The headings of the per-feature table; a leading # marks a column of figures.</summary>
    public static readonly string[] FeatureColumns = ["Feature", "#QA pass rate", "95% interval", "#QA answers", "#Customers rating 4–5", "#Customers", "#Gap"];

    /// <summary>The headings of the most-failed criteria table.</summary>
    public static readonly string[] CriterionColumns = ["Criterion", "Feature", "#Passed", "#Applicable", "#Pass rate"];

    /// <summary>"12 evaluations; average score 78.5; 58.3% passed; 8.3% failed on a critical criterion."</summary>
    public static string Totals(QualityMonitoring quality)
    {
        ArgumentNullException.ThrowIfNull(quality);
        var parts = new List<string> { $"{ReviewText.Count(quality.Evaluations)} {(quality.Evaluations == 1 ? "evaluation" : "evaluations")}" };
        if (quality.AverageScore is { } average)
        {
            parts.Add($"average score {average.ToString("0.0", CultureInfo.InvariantCulture)} of 100");
        }

        if (quality.PassRate is { } pass)
        {
            parts.Add($"{ReviewText.Percent(pass)} passed");
        }

        if (quality.CriticalFailRate is { } critical)
        {
            parts.Add($"{ReviewText.Percent(critical)} failed on a critical criterion");
        }

        return string.Join("; ", parts) + ".";
    }

    /// <summary>A feature's cells, the feature's name first.</summary>
    public static string[] FeatureRow(QaFeatureResult feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return
        [
            ReviewText.Capitalise(ReviewText.Words(feature.Feature)),
            feature.QaPassRate is { } rate ? ReviewText.Percent(rate) : "–",
            feature.QaCi95 is [var low, var high] ? $"{low.ToString("0.0", CultureInfo.InvariantCulture)}–{ReviewText.Percent(high)}" : string.Empty,
            ReviewText.Count(feature.QaN),
            feature.CustomerScore is { } score ? ReviewText.Percent(score) : ReviewText.NotEnoughData,
            feature.CustomerN is { } n ? ReviewText.Count(n) : string.Empty,
            feature.Gap is { } gap ? gap.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pts" : string.Empty,
        ];
    }

    /// <summary>A most-failed criterion's cells, its text first.</summary>
    public static string[] CriterionRow(QaFailedCriterion criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return
        [
            criterion.Text,
            ReviewText.Words(criterion.Feature),
            ReviewText.Count(criterion.Passed),
            ReviewText.Count(criterion.Applicable),
            ReviewText.Percent(criterion.PassRate),
        ];
    }

    /// <summary>What the gap column means, under the table.</summary>
    public static string GapNote { get; } = string.Create(
        CultureInfo.InvariantCulture,
        $"Gap: customers rating the feature 4 or 5 minus the QA pass rate, in points; more than {ReviewRules.Default.QaCustomerGapPoints:0.#} points either way is reported among the gaps.");

    /// <summary>Why a criterion is listed.</summary>
    public static string CriteriaNote { get; } = string.Create(
        CultureInfo.InvariantCulture,
        $"Criteria passed less often than their scorecard's pass mark, where they applied in at least {ReviewRules.Default.QaMinimumApplicable} evaluated interactions; at most {ReviewRules.Default.QaMostFailed}, the least passed first.");
}
