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
    public static string Display(Kpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return kpi.Metric switch
        {
            KpiMetric.Csat => "CSAT",
            KpiMetric.Agree => kpi.Question is null ? "% agree" : $"% agree on {kpi.Question.Replace('_', ' ')}",
            KpiMetric.Nps => "NPS",
            KpiMetric.Ces => "CES",
            KpiMetric.Fcr => "first-contact resolution",
            KpiMetric.ResponseRate => "response rate",
            KpiMetric.Operational => kpi.OperationalMetric!.Replace('_', ' '),
            _ => kpi.Question is null ? kpi.Id : $"mean {kpi.Question.Replace('_', ' ')} rating",
        };
    }

    /// <summary>A value in the metric's unit, as a manager reads it: 82.4%, +31, 2.6, 45.</summary>
    public static string Format(KpiMetric metric, double value) => metric switch
    {
        KpiMetric.Csat or KpiMetric.Agree or KpiMetric.Fcr or KpiMetric.ResponseRate => FormattableString.Invariant($"{value:0.#}%"),
        KpiMetric.Nps => FormattableString.Invariant($"{value:+0;-0;0}"),
        _ => FormattableString.Invariant($"{value:0.##}"),
    };
}
