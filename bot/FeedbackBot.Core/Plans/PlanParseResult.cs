namespace FeedbackBot.Core.Plans;

/// <summary>The outcome of reading a plan file: a plan, or every error found in it, never both.</summary>
/// <param name="Plan">The plan, when the file has no error.</param>
/// <param name="Errors">Every error found, in file order.</param>
public sealed record PlanParseResult(MeasurementPlan? Plan, IReadOnlyList<PlanError> Errors)
{
    /// <summary>Whether the file yielded a plan.</summary>
    public bool IsValid => Plan is not null && Errors.Count == 0;
}
