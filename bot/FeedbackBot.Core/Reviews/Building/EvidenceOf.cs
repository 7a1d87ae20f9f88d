namespace FeedbackBot.Core.Reviews.Building;

/// <summary>Builds the evidence a finding or recommendation cites.</summary>
public static class EvidenceOf
{
    /// <summary>A KPI's figures with up to three quotes.</summary>
    public static Evidence Kpi(EvaluatedKpi kpi, IReadOnlyList<string> quotes)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var r = kpi.Result;
        return new Evidence(r.Id, r.Value, r.Target, r.N ?? 0, r.Ci95, r.Previous, r.Change, r.PValue, [.. quotes.Take(3)], NameOf(kpi), r.Question);
    }

    /// <summary>A theme's share of comments and its quotes.</summary>
    public static Evidence Theme(ThemeItem theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return new Evidence(
            "theme:" + theme.Id, theme.Percent, null, theme.Count ?? 0, null, null, theme.Change, null, [.. theme.Quotes.Take(3)], theme.Label);
    }

    /// <summary>
    /// Up to three quotes about a feature from the themes that bear on it, leaning the way the finding does: negative
    /// comments for a shortfall, positive for a strength.
    /// </summary>
    public static IReadOnlyList<string> QuotesAbout(string? feature, ThemeReport themes, bool negative)
    {
        ArgumentNullException.ThrowIfNull(themes);
        if (feature is null)
        {
            return [];
        }

        return [.. themes.Items
            .Where(t => !t.Suppressed && string.Equals(t.Feature, feature, StringComparison.Ordinal))
            .Where(t => negative ? t.Negative > t.Positive : t.Positive > t.Negative)
            .OrderByDescending(t => negative ? t.Negative : t.Positive)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .SelectMany(t => t.Quotes)
            .Distinct(StringComparer.Ordinal)
            .Take(3)];
    }

    /// <summary>The start of a sentence naming a KPI's value with its unit: "CSAT 82.4%".</summary>
    public static string Describe(EvaluatedKpi kpi, double value)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return $"{NameOf(kpi)} {MetricNames.Format(kpi.Kpi.Metric, value)}";
    }

    /// <summary>The KPI's name as the review shows it: "CSAT", "eNPS", "First response minutes".</summary>
    public static string NameOf(EvaluatedKpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return kpi.Result.Name ?? MetricNames.Heading(kpi.Kpi, null);
    }
}
