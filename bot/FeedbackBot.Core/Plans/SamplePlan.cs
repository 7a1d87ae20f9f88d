namespace FeedbackBot.Core.Plans;

/// <summary>How a cycle's sample is drawn.</summary>
/// <param name="Method">Everyone, or stratified.</param>
/// <param name="StratifyBy">For a stratified sample, the segment attribute that defines the strata.</param>
/// <param name="Size">For a stratified sample, the number of people to invite; or null when a margin of error is given.</param>
/// <param name="MarginOfError">For a stratified sample, the target 95% margin of error in percentage points, from which the size is computed.</param>
public sealed record SamplePlan(SampleMethod Method, string? StratifyBy, int? Size, double? MarginOfError)
{
    /// <summary>Everyone in the audience is invited.</summary>
    public static SamplePlan Everyone { get; } = new(SampleMethod.Everyone, null, null, null);
}
