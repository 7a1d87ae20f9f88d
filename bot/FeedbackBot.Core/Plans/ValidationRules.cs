namespace FeedbackBot.Core.Plans;

/// <summary>A plan's rules for telling usable responses from unusable ones.</summary>
/// <param name="MinSecondsPerQuestion">A response faster than this many seconds per answered question is a speeder.</param>
/// <param name="ExcludeStraightLiners">Whether straight-lined responses are excluded, not only counted.</param>
public sealed record ValidationRules(double MinSecondsPerQuestion, bool ExcludeStraightLiners)
{
    /// <summary>Two seconds per question; straight-lining counted, not excluded.</summary>
    public static ValidationRules Default { get; } = new(2, false);
}
