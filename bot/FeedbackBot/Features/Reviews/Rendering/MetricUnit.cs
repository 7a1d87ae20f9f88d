namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>How a metric's values read: the unit decides the suffix, the sign and the decimals shown.</summary>
internal enum MetricUnit
{
    /// <summary>0–100 percentages (CSAT, FCR, response rate); differences are percentage points.</summary>
    Percent,

    /// <summary>NPS, −100 to 100, shown signed and whole.</summary>
    NetScore,

    /// <summary>Means on a question's scale (CES, mean ratings).</summary>
    Mean,

    /// <summary>Anything else (operational metrics), shown as given.</summary>
    Number,
}
