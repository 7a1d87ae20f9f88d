namespace FeedbackBot.Core.Plans;

/// <summary>Which way a KPI improves.</summary>
public enum KpiDirection
{
    /// <summary>Larger values are better; the target is a floor.</summary>
    Higher,

    /// <summary>Smaller values are better; the target is a ceiling.</summary>
    Lower,
}
