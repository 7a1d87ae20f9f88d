namespace FeedbackBot.Core.Sampling;

/// <summary>What a cycle's sample size was derived from.</summary>
public enum SampleSizeBasis
{
    /// <summary>Everyone eligible is invited.</summary>
    Everyone,

    /// <summary>The plan's fixed size, capped at the number eligible.</summary>
    Size,

    /// <summary>The plan's target margin of error, with the finite population correction.</summary>
    Margin,
}
