namespace FeedbackBot.Core.Analysis.Text;

/// <summary>Which way a comment, or what it says about one theme, leans.</summary>
public enum Polarity
{
    /// <summary>Critical: a complaint or a shortfall.</summary>
    Negative,

    /// <summary>Neither clearly critical nor clearly approving.</summary>
    Neutral,

    /// <summary>Approving: praise or a strength.</summary>
    Positive,
}
