namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>Which way a change went, judged by the KPI's direction rather than by its sign.</summary>
internal enum Trend
{
    /// <summary>No change, or none known.</summary>
    Flat,

    /// <summary>Moved the good way.</summary>
    Better,

    /// <summary>Moved the bad way.</summary>
    Worse,
}
