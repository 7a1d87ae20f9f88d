using System.Globalization;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>"What it is worth" as every report reads it: each money figure, its interval, and how it was worked out.</summary>
internal static class ValueText
{
    public const string Heading = "What it is worth";

    public const string Introduction =
        "The cycle's figures in money, from the plan's value section. The amounts per customer, complaint and contact are the plan's own; " +
        "the intervals carry only the survey's uncertainty, not the uncertainty of those amounts.";

    /// <summary>Each figure the review has: its name, the amount with its interval, and its formula.</summary>
    public static IReadOnlyList<(string Name, string Amount, string Formula)> Lines(ValueAtStake value)
    {
        var lines = new List<(string, string, string)>();
        if (value.RevenueAtRisk is { } revenue)
        {
            lines.Add(("Revenue at risk from detractors", Figure(value.Currency, revenue), "customers per cycle × detractor share × detractor churn × revenue per customer"));
        }

        if (value.ComplaintCost is { } complaints)
        {
            lines.Add(("Cost of complaints", Figure(value.Currency, complaints), "the cycle's complaints × cost per complaint"));
        }

        if (value.RepeatContactCost is { } repeat)
        {
            lines.Add(("Cost of repeat contacts", Figure(value.Currency, repeat), "customers per cycle × (1 − first-contact resolution) × cost per repeat contact"));
        }

        return lines;
    }

    /// <summary>Why a section with no figure has none.</summary>
    public const string NoFigures =
        "The plan's value section is there, but this cycle gives none of the inputs its figures need (an NPS question with churn rates and revenue, a complaints log with a cost per complaint, or a first-contact resolution KPI with a cost per repeat contact).";

    /// <summary>What a recommendation would be worth in a cycle if its KPI reached its target.</summary>
    public static string IfMet(string currency, double amount) => $"{Amount(currency, amount)} a cycle if its KPI reaches its target";

    public static string Amount(string currency, double amount) =>
        string.Create(CultureInfo.InvariantCulture, $"{currency} {amount.ToString(amount == Math.Round(amount) ? "#,##0" : "#,##0.00", CultureInfo.InvariantCulture)}");

    private static string Figure(string currency, MoneyFigure figure) => figure.Ci95 is [var low, var high]
        ? $"{Amount(currency, figure.Value)} (95% interval {Amount(currency, Math.Round(low))} to {Amount(currency, Math.Round(high))})"
        : Amount(currency, figure.Value);
}
