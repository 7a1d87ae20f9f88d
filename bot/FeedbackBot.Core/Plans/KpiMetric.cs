namespace FeedbackBot.Core.Plans;

/// <summary>How a KPI is computed.</summary>
public enum KpiMetric
{
    /// <summary>Customer satisfaction: percentage of 4 and 5 answers on a rating5 question.</summary>
    Csat,

    /// <summary>Net Promoter Score: percentage of 9–10 minus percentage of 0–6 on an nps question.</summary>
    Nps,

    /// <summary>Customer effort score: the mean of an effort7 question.</summary>
    Ces,

    /// <summary>First-contact resolution: percentage of yes on a yesno question.</summary>
    Fcr,

    /// <summary>The mean of a scale question.</summary>
    Mean,

    /// <summary>Usable responses as a percentage of those invited.</summary>
    ResponseRate,

    /// <summary>An operational metric imported by name (for example average handling time).</summary>
    Operational,

    /// <summary>
    /// Agreement: percentage of 4 and 5 answers on an agree5 question, read as "% agree". CSAT's arithmetic on a
    /// statement rather than on satisfaction, so it is not called CSAT.
    /// </summary>
    Agree,
}
