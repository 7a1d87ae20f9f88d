namespace FeedbackBot.Core.Reviews;

/// <summary>
/// What the cycle's figures are worth in money, from the plan's <c>value</c> section: the revenue at risk from
/// detractors, the cost of complaints and the cost of repeat contacts. A figure whose inputs the plan or the cycle does
/// not give is null, never guessed (docs/statistics.md, "What it is worth").
/// </summary>
/// <param name="Currency">The ISO 4217 code of every amount.</param>
/// <param name="RevenueAtRisk">Customers × detractor share × detractor churn × revenue per customer.</param>
/// <param name="ComplaintCost">The cycle's complaints × cost per complaint.</param>
/// <param name="RepeatContactCost">Customers × (1 − first-contact resolution) × cost per repeat contact.</param>
public sealed record ValueAtStake(string Currency, MoneyFigure? RevenueAtRisk, MoneyFigure? ComplaintCost, MoneyFigure? RepeatContactCost);

/// <summary>An amount, with the 95% interval carried through from the share it rests on.</summary>
/// <param name="Value">The amount, to two decimals.</param>
/// <param name="Ci95">Its 95% interval [low, high]; null where the figure rests on no estimated share.</param>
public sealed record MoneyFigure(double Value, IReadOnlyList<double>? Ci95);
