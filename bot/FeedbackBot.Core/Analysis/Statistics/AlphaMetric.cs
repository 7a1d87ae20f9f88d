namespace FeedbackBot.Core.Analysis.Statistics;

/// <summary>How far apart two values are taken to be in Krippendorff's alpha.</summary>
public enum AlphaMetric
{
    /// <summary>Categories: any two different values disagree equally (yes/no answers).</summary>
    Nominal,

    /// <summary>Ranks: the disagreement between two values grows with how many values were given between them (ratings).</summary>
    Ordinal,

    /// <summary>Numbers: the disagreement is the squared difference (scores).</summary>
    Interval,
}
