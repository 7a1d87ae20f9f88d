namespace FeedbackBot.Core.Plans;

/// <summary>
/// What the organisation's customers are worth, as a plan's optional <c>value</c> section states it, so a review can
/// say what its figures are worth in money. Every figure it gives needs the inputs it names; a missing input leaves
/// that figure out rather than guessing it.
/// </summary>
/// <param name="Currency">The ISO 4217 code amounts are in (GBP, EUR, USD).</param>
/// <param name="CustomersPerCycle">How many customers the service deals with in one cycle.</param>
/// <param name="RevenuePerCustomer">A customer's revenue over the period churn is measured over; null when not given.</param>
/// <param name="CostPerComplaint">What handling one complaint costs; null when not given.</param>
/// <param name="CostPerRepeatContact">What one repeat contact (a contact not resolved first time) costs; null when not given.</param>
/// <param name="Churn">The share of each NPS group that leaves over that period; null when not given.</param>
public sealed record ValueModel(
    string Currency,
    int CustomersPerCycle,
    double? RevenuePerCustomer,
    double? CostPerComplaint,
    double? CostPerRepeatContact,
    ChurnRates? Churn);

/// <summary>The share of detractors, passives and promoters who leave, each from 0 to 1.</summary>
/// <param name="Detractor">Detractors (0–6) who leave.</param>
/// <param name="Passive">Passives (7–8) who leave.</param>
/// <param name="Promoter">Promoters (9–10) who leave.</param>
public sealed record ChurnRates(double Detractor, double Passive, double Promoter);
