using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Reviews;

/// <summary>The names of KPI metrics as they appear in plan files and reviews.</summary>
public static class MetricNames
{
    /// <summary>The plan-file name of a metric kind: csat, agree, nps, ces, fcr, mean, response_rate, operational.</summary>
    public static string Of(KpiMetric metric) => metric switch
    {
        KpiMetric.ResponseRate => "response_rate",
        _ => metric.ToString().ToLowerInvariant(),
    };

    /// <summary>How a metric reads in a sentence: CSAT, % agree, NPS, CES, FCR, response rate, or the KPI's id.</summary>
    public static string Display(Kpi kpi) => Display(kpi, null);

    /// <summary>
    /// How a metric reads in a sentence, knowing who answered its question: an NPS asked of staff is their employee
    /// NPS (eNPS), whether they would recommend the team as a place to work.
    /// </summary>
    public static string Display(Kpi kpi, Audience? audience)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return kpi.Metric switch
        {
            KpiMetric.Csat => "CSAT",
            KpiMetric.Agree => kpi.Question is null ? "% agree" : $"% agree on {kpi.Question.Replace('_', ' ')}",
            KpiMetric.Nps when audience == Audience.Staff => "eNPS",
            KpiMetric.Nps => "NPS",
            KpiMetric.Ces => "CES",
            KpiMetric.Fcr => "first-contact resolution",
            KpiMetric.ResponseRate => "response rate",
            KpiMetric.Operational => kpi.OperationalMetric!.Replace('_', ' '),
            _ => kpi.Question is null ? kpi.Id : $"mean {kpi.Question.Replace('_', ' ')} rating",
        };
    }

    /// <summary>The name as it starts a sentence or heads a column: "First-contact resolution", "eNPS".</summary>
    public static string Heading(Kpi kpi, Audience? audience)
    {
        var name = Display(kpi, audience);
        return char.IsLower(name[0]) && !(name.Length > 1 && char.IsUpper(name[1]))
            ? char.ToUpperInvariant(name[0]) + name[1..]
            : name;
    }

    /// <summary>
    /// A value in the metric's unit, as a manager reads it, with one number of decimals per kind of figure so that
    /// a value, its interval and its target line up: 82.4%, +31, 2.60 (means), 45.0 (operational figures).
    /// </summary>
    public static string Format(KpiMetric metric, double value) => metric switch
    {
        KpiMetric.Csat or KpiMetric.Agree or KpiMetric.Fcr or KpiMetric.ResponseRate => FormattableString.Invariant($"{value:0.0}%"),
        KpiMetric.Nps => FormattableString.Invariant($"{value:+0;-0;0}"),
        KpiMetric.Operational => FormattableString.Invariant($"{value:0.0}"),
        _ => FormattableString.Invariant($"{value:0.00}"),
    };

    /// <summary>The metric kind of a review's metric name (csat, nps, ... or an operational metric's name).</summary>
    public static KpiMetric Parse(string metric) => metric switch
    {
        "csat" => KpiMetric.Csat,
        "agree" => KpiMetric.Agree,
        "nps" => KpiMetric.Nps,
        "ces" => KpiMetric.Ces,
        "fcr" => KpiMetric.Fcr,
        "mean" => KpiMetric.Mean,
        "response_rate" => KpiMetric.ResponseRate,
        _ => KpiMetric.Operational,
    };
}
